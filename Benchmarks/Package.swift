// swift-tools-version: 6.1
import Foundation
import PackageDescription

// Benchmarks live in their own package so that `swift test` in the main package never builds
// package-benchmark. Run them all with Benchmarks/run.sh (Docs/PERFORMANCE.md).

// A path dependency's identity is its folder's name, whatever the clone is called.
let mainPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
  name: "PeerConsultBenchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(path: ".."),
    .package(
      url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    // Seeded, realistic synthetic data: programmes, sessions, participants, notes of every kind.
    .target(
      name: "SyntheticData",
      dependencies: [.product(name: "PeerConsultKit", package: mainPackage)]),
    .executableTarget(
      name: "InProcess",
      dependencies: [
        "SyntheticData",
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "PeerConsultKit", package: mainPackage),
        .product(name: "PeerConsultApp", package: mainPackage),
        .product(name: "TerminalKit", package: mainPackage),
      ],
      path: "Benchmarks/InProcess",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
    // Whole-process figures (the built binary in a pty) and the final table.
    .target(name: "CPty"),
    .executableTarget(
      name: "pc-bench",
      dependencies: [
        "CPty", "SyntheticData", .product(name: "PeerConsultKit", package: mainPackage),
        // The live screen's services and the store's pusher, for `--live-push`.
        .product(name: "PeerConsultApp", package: mainPackage),
        .product(name: "PeerConsultStore", package: mainPackage),
      ]),
  ]
)
