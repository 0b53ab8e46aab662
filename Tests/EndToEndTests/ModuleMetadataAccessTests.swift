import Foundation
import Testing

/// How PeerConsult's own modules get the metadata of the generic types they use.
///
/// By default the compiler hands the Swift runtime a type's mangled name (`Set<String>`), and
/// the runtime finds each conformance the type needs (`String: Hashable`) by reading all
/// 10,000 conformance records of the static binary: about 0.1 ms for each first use, at every
/// start. Package.swift builds the program's modules with
/// `-disable-concrete-type-metadata-mangled-name-accessors`, so that they call the type's
/// metadata accessor with the conformances the compiler already knows (Docs/PERFORMANCE.md,
/// "The runtime's conformance scans"). Looked for in the objects the modules were built into,
/// beside the program: none of them asks the runtime for a type by its name.
@Suite(
  .enabled(
    if: ModuleObjects.exist,
    "the modules' objects are not beside the test bundle (not Linux, or another build system)"),
  .enabled(
    if: FileManager.default.isExecutableFile(atPath: "/usr/bin/nm"),
    "needs nm (binutils, which the Swift toolchain's linker comes with)"))
struct ModuleMetadataAccessTests {
  @Test(arguments: ModuleObjects.modules)
  func aModuleAsksTheRuntimeForNoTypeByItsName(_ module: String) throws {
    let objects = ModuleObjects.objects(of: module)
    try #require(!objects.isEmpty, "no objects of \(module) in \(ModuleObjects.products.path)")
    let output = Pipe()
    let nm = Process()
    nm.executableURL = URL(fileURLWithPath: "/usr/bin/nm")
    // One line a symbol, each beginning with the object's path.
    nm.arguments = ["--print-file-name"] + objects
    nm.standardOutput = output
    try nm.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    nm.waitUntilExit()
    #expect(nm.terminationStatus == 0)
    #expect(text.contains(" U swift_"), "nm listed no references to the runtime")
    // The runtime's look-up by name, and the helper each object would carry to call it.
    let byName = text.split(separator: "\n").filter {
      $0.contains("swift_getTypeByMangledName")
        || $0.contains("__swift_instantiateConcreteTypeFromMangledName")
    }
    #expect(
      byName.isEmpty,
      "\(byName.count) in \(module), e.g. \(byName.prefix(3).joined(separator: "; "))")
  }
}

/// The object files PeerConsult's modules were built into, beside the test bundle.
private enum ModuleObjects {
  /// The modules Package.swift gives the setting: every one of PeerConsult's own.
  static let modules = [
    "TextLayout", "TerminalKit", "PeerConsultKit", "PeerConsultApp", "PeerConsultStore",
    "peerconsult",
  ]

  /// The folder the test bundle and the modules' objects were built into.
  static var products: URL {
    URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
  }

  static var exist: Bool {
    !objects(of: "PeerConsultKit").isEmpty
  }

  /// The object files of `module`'s sources: those of a source since deleted, which an
  /// incremental build leaves behind as they were compiled, are not the module's any more.
  static func objects(of module: String) -> [String] {
    let folder = products.appendingPathComponent("\(module).build")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    let sources = sourceNames(of: module)
    return names.filter { $0.hasSuffix(".swift.o") && sources.contains(String($0.dropLast(2))) }
      .sorted().map { folder.appendingPathComponent($0).path }
  }

  /// The names of the Swift files in `Sources/module`, found from this file's place in the
  /// repository.
  static func sourceNames(of module: String) -> Set<String> {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let folder = root.appendingPathComponent("Sources").appendingPathComponent(module)
    let files = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
    return Set(files.filter { $0.hasSuffix(".swift") }.map { ($0 as NSString).lastPathComponent })
  }
}
