// swift-tools-version: 6.1
import PackageDescription

#if canImport(Glibc)
  import Glibc
#endif

/// Linker flags for the program on Linux.
///
/// swiftc links an executable with --export-dynamic, which puts every one of the static build's
/// 44,000 symbols in its dynamic symbol table. Nothing loads the program as a library, but the
/// Swift runtime's start looks up its own path with dladdr, which walks that whole table: about
/// 0.6 ms of every start.
///
/// The static build's Swift metadata holds 132,000 pointers that the dynamic loader fixes up at
/// every start (the program is position-independent, for address-space randomisation): as
/// relocation entries of 24 bytes each, 3.2 MB that the loader reads and walks. lld's
/// `-z pack-relative-relocs` writes them as DT_RELR bitmaps (26 KB), which glibc reads from
/// 2.36 on: 0.4-0.7 ms less per start (Docs/PERFORMANCE.md). The program then needs glibc 2.36,
/// so the packing is asked for only where the build machine's glibc reads it and the
/// toolchain's lld is on the PATH, for a program built to run where it is built (the README's
/// run command, `Scripts/install.sh`). `Scripts/build-deb.sh` makes a package for other
/// machines, so it builds with `PEERCONSULT_PORTABLE_BUILD` set, which leaves the packing out.
let programLinkerFlags: [String] = {
  var flags = ["-Xlinker", "--no-export-dynamic"]
  #if canImport(Glibc)
    guard getenv("PEERCONSULT_PORTABLE_BUILD") == nil else { return flags }
    // "glibc 2.36" (its length counts the closing NUL); nothing on another C library.
    var name = [CChar](repeating: 0, count: 64)
    let length = confstr(Int32(_CS_GNU_LIBC_VERSION), &name, name.count)
    let text = String(
      decoding: name.prefix(max(0, min(length, name.count) - 1)).map { UInt8(bitPattern: $0) },
      as: UTF8.self)
    let version = (text.split(separator: " ").last ?? "").split(separator: ".").compactMap {
      Int($0)
    }
    let path = getenv("PATH").map { String(cString: $0) } ?? ""
    let hasLLD = path.split(separator: ":").contains { access("\($0)/ld.lld", X_OK) == 0 }
    if hasLLD, version.count >= 2, (version[0], version[1]) >= (2, 36) {
      flags += ["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"]
    }
  #endif
  return flags
}()

/// Compiler settings of PeerConsult's own modules.
///
/// Code that needs a generic type's metadata (`Set<String>`, a `Dictionary` of the program's
/// own types) gets it, by default, by handing the type's mangled name to the Swift runtime,
/// which must then find each conformance the type's generic parameters need (`String:
/// Hashable`) by reading all 10,000 protocol conformance records of the static binary, about
/// 0.1 ms the first time each is needed. With
/// `-disable-concrete-type-metadata-mangled-name-accessors` the compiler calls the type's
/// metadata accessor with the conformances it already knows, as it did before Swift 5.1 (the
/// code is 0.35% larger; what it does is the same): a `search` reads the records 13 times
/// instead of 17, `show` 14 instead of 28; the rest are GRDB's, Foundation's and
/// argument-parser's, which a package cannot set flags for (Docs/PERFORMANCE.md, "The
/// runtime's conformance scans"). Linux only, where the program is linked statically; every
/// configuration, so that tests run the code as released and `ModuleMetadataAccessTests` can
/// see the setting in the objects. It is a frontend option without a stability promise
/// (added in 2020, used by the compiler's own tests): should a toolchain refuse it, delete it
/// here, and the test says the look-ups are back.
let moduleSwiftSettings: [SwiftSetting] = [
  .unsafeFlags(
    ["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"],
    .when(platforms: [.linux]))
]

// Layers, dependencies pointing one way only:
// CNcursesw <- TerminalKit <- PeerConsultApp <- peerconsult
//  CLibYAML <- PeerConsultKit (model) <- PeerConsultApp
// TextLayout (display width, word wrap; no dependencies) <- TerminalKit, PeerConsultKit
// PeerConsultKit <- PeerConsultStore (PostgreSQL, NIO) <- peerconsult
let package = Package(
  name: "PeerConsult",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "peerconsult", targets: ["peerconsult"]),
    // For the separate Benchmarks/ package, which measures the modules in process.
    .library(name: "PeerConsultKit", targets: ["PeerConsultKit"]),
    .library(name: "TerminalKit", targets: ["TerminalKit"]),
    .library(name: "PeerConsultApp", targets: ["PeerConsultApp"]),
    .library(name: "PeerConsultStore", targets: ["PeerConsultStore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
    // The optional shared programme store (PeerConsultStore): PostgreSQL over NIO.
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
  ],
  targets: [
    .systemLibrary(
      name: "CNcursesw",
      // No pkgConfig: SwiftPM drops its -D flags with a warning; shim.h defines what is needed.
      providers: [.apt(["libncursesw5-dev"])]
    ),
    // libyaml's parser events, to measure protocol files before Yams builds them
    // (Protocols/YAMLShape.swift); only the library's header, no C of ours.
    .systemLibrary(name: "CLibYAML", providers: [.apt(["libyaml-dev"])]),
    // Measuring and wrapping text in terminal columns: shared by the terminal layer and the
    // model's plain-text output, so both wrap Chinese text the same way.
    .target(name: "TextLayout", swiftSettings: moduleSwiftSettings),
    .target(
      name: "PeerConsultKit",
      dependencies: [
        "CLibYAML", "TextLayout",
        .product(name: "GRDB", package: "GRDB.swift"),
        // SQLite's own interface, for the one connection that must not read the schema
        // (`ReadOnlyAccess.tidyCompanions`).
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
        .product(name: "Yams", package: "Yams"),
        .product(name: "Plot", package: "Plot"),
      ],
      swiftSettings: moduleSwiftSettings
    ),
    .target(
      name: "TerminalKit", dependencies: ["CNcursesw", "TextLayout"],
      swiftSettings: moduleSwiftSettings),
    .target(
      name: "PeerConsultApp", dependencies: ["PeerConsultKit", "TerminalKit"],
      swiftSettings: moduleSwiftSettings),
    // The shared programme store on PostgreSQL: settings, server schema, sync. Only the
    // executable imports it, so the model, the terminal layer and the screens never see NIO.
    .target(
      name: "PeerConsultStore",
      dependencies: [
        "PeerConsultKit",
        .product(name: "PostgresNIO", package: "postgres-nio"),
      ],
      swiftSettings: moduleSwiftSettings
    ),
    .executableTarget(
      name: "peerconsult",
      dependencies: [
        "PeerConsultApp", "PeerConsultKit", "PeerConsultStore", "TerminalKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: moduleSwiftSettings,
      linkerSettings: [.unsafeFlags(programLinkerFlags, .when(platforms: [.linux]))]
    ),
    // Helpers every test target shares: the seeded generator, golden files, temporary folders.
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(name: "TestSupportTests", dependencies: ["TestSupport"]),
    .testTarget(
      name: "PeerConsultKitTests", dependencies: ["PeerConsultKit", "TestSupport"],
      // Golden exports are read through #filePath, so they need not be bundled.
      exclude: ["Golden"]),
    .testTarget(name: "TextLayoutTests", dependencies: ["TextLayout", "TestSupport"]),
    .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit", "TestSupport"]),
    .testTarget(
      name: "PeerConsultAppTests",
      dependencies: [
        "PeerConsultApp", "TerminalKit", "PeerConsultKit", "TestSupport",
        // To put a failing write behind the real store's error path (LiveFixture).
        .product(name: "GRDB", package: "GRDB.swift"),
      ],
      // Golden screens are read through #filePath, so they need not be bundled.
      exclude: ["Golden"]),
    .testTarget(
      name: "EndToEndTests",
      dependencies: [
        "peerconsult", "PeerConsultKit", "TestSupport",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]),
    // Attacks that try to break the program: random keys, resizes, bad files (Docs/RELIABILITY.md).
    .testTarget(
      name: "ReliabilityTests",
      dependencies: [
        "PeerConsultApp", "TerminalKit", "PeerConsultKit", "TestSupport",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]),
  ]
)
