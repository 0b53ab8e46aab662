import Foundation
import PeerConsultKit
import TestSupport
import Testing

/// `Scripts/install.sh` and `Scripts/build-deb.sh` run on the debug binary these tests already
/// built: by default the scripts build the static release binary, far too slow for
/// `swift test`. `Scripts/check-install.sh` makes the same checks, and the package's, on the
/// static release build (README, Install; Docs/PERFORMANCE.md).
@Suite(.enabled(if: TmuxSession.binaryExists, "needs the built peerconsult binary"))
struct InstallScriptTests {
  /// The package's folder, which holds `Scripts/`.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// swift-argument-parser's manual tool, where `swift package generate-manual --help` builds
  /// it (beside the debug binary); the scripts only use it when it is there.
  static var manualToolIsBuilt: Bool {
    FileManager.default.isExecutableFile(
      atPath: URL(fileURLWithPath: TmuxSession.binary).deletingLastPathComponent()
        .appendingPathComponent("generate-manual-tool").path)
  }

  static func script(_ name: String) -> String {
    root.appendingPathComponent("Scripts").appendingPathComponent(name).path
  }

  /// Runs `arguments` in `folder` with nothing of this environment: no toolchain on PATH,
  /// HOME and the temporary folder inside `folder`, as on a facilitator's machine.
  static func run(_ arguments: [String], in folder: URL) throws -> (status: Int32, output: String) {
    try TmuxSession.runTool(
      [
        "/usr/bin/env", "-i", "-C", folder.path, "HOME=\(folder.path)", "TMPDIR=\(folder.path)",
        "LANG=C.UTF-8", "PATH=/usr/bin:/bin",
      ] + arguments)
  }

  @Test func installsIntoAPrefixRunsFromThereAndUninstalls() throws {
    let folder = try TemporaryFolder(prefix: "peerconsult-install")
    let prefix = folder.path("prefix")
    let elsewhere = folder.path("elsewhere")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)

    let install = try Self.run(
      [Self.script("install.sh"), "--binary", TmuxSession.binary, "--prefix", prefix.path],
      in: folder.url)
    #expect(install.status == 0, "\(install.output)")
    #expect(install.output.contains("Installed peerconsult \(PeerConsultVersion.current)"))
    #expect(install.output.contains("is not on your PATH"))

    let program = prefix.appendingPathComponent("bin/peerconsult").path
    let mode = try FileManager.default.attributesOfItem(atPath: program)[.posixPermissions] as? Int
    #expect(mode == 0o755)
    let version = try Self.run([program, "--version"], in: elsewhere)
    #expect(version.status == 0)
    #expect(version.output == PeerConsultVersion.current + "\n")
    let help = try Self.run([program, "--help"], in: elsewhere)
    #expect(help.status == 0)
    #expect(help.output.contains("USAGE: peerconsult"))
    #expect(help.output.contains("Open the home screen"))

    // The bash completion, sourced as bash-completion would, completes a command's name.
    let bashCompletion = prefix.appendingPathComponent(
      "share/bash-completion/completions/peerconsult")
    let completed = try Self.run(
      [
        "bash", "-c",
        "source \"$1\"; COMP_WORDS=(peerconsult li); COMP_CWORD=1; COMP_LINE='peerconsult li'; "
          + "COMP_POINT=${#COMP_LINE}; _peerconsult peerconsult li peerconsult; "
          + "echo \"${COMPREPLY[*]}\"",
        "_", bashCompletion.path,
      ], in: elsewhere)
    #expect(completed.output == "list\n")
    for file in [
      "share/zsh/site-functions/_peerconsult", "share/fish/vendor_completions.d/peerconsult.fish",
    ] {
      let text = try String(contentsOf: prefix.appendingPathComponent(file), encoding: .utf8)
      #expect(text.contains("peerconsult"), "\(file)")
    }

    let manual = prefix.appendingPathComponent("share/man/man1/peerconsult.1.gz")
    if Self.manualToolIsBuilt {
      let page = try Self.run(["gzip", "-dc", manual.path], in: elsewhere)
      #expect(page.output.contains(".Nm peerconsult"))
      #expect(page.output.contains("Open the home screen"))
    } else {
      // Without the tool the program is installed all the same, and the script says so.
      #expect(!FileManager.default.fileExists(atPath: manual.path))
      #expect(install.output.contains("no manual page"))
    }

    let uninstall = try Self.run(
      [Self.script("install.sh"), "--uninstall", "--prefix", prefix.path], in: folder.url)
    #expect(uninstall.status == 0)
    let left = FileManager.default.enumerator(atPath: prefix.path)?.compactMap { $0 as? String }
      .filter { !$0.isEmpty && !isDirectory(prefix.appendingPathComponent($0)) }
    #expect(left == [])
  }

  @Test func refusesWhatItCannotInstallInOneLine() throws {
    let folder = try TemporaryFolder(prefix: "peerconsult-install")
    let missing = try Self.run(
      [Self.script("install.sh"), "--binary", folder.path("nothing").path, "--prefix", "p"],
      in: folder.url)
    #expect(missing.status == 1)
    #expect(
      missing.output == "install.sh: \(folder.path("nothing").path) is not an executable file\n")
    let noPrefix = try Self.run([Self.script("install.sh"), "--prefix"], in: folder.url)
    #expect(noPrefix.status == 2)
    #expect(noPrefix.output.hasPrefix("install.sh: --prefix needs a folder"))
    #expect(!FileManager.default.fileExists(atPath: folder.path("p").path))
  }

  /// A package is for machines without Swift, so a binary that loads the Swift runtime from a
  /// toolchain, as the debug build does, is refused.
  @Test(
    .enabled(
      if: ["/usr/bin/dpkg-deb", "/usr/bin/dpkg-shlibdeps", "/usr/bin/objdump"].allSatisfy(
        FileManager.default.isExecutableFile(atPath:)),
      "needs dpkg-deb, dpkg-shlibdeps (dpkg-dev) and objdump"))
  func packageRefusesABinaryThatNeedsTheSwiftRuntime() throws {
    let folder = try TemporaryFolder(prefix: "peerconsult-deb")
    let result = try Self.run(
      [
        "env", "DEBFULLNAME=Test", "DEBEMAIL=test@example.org", Self.script("build-deb.sh"),
        "--binary", TmuxSession.binary, "--output", folder.url.path,
      ], in: folder.url)
    #expect(result.status == 1)
    #expect(result.output.contains("needs the Swift runtime (libswift"))
    #expect(result.output.contains("--static-swift-stdlib"))
    #expect(result.output.split(separator: "\n").count == 1, "\(result.output)")
    let packages = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
      .filter { $0.hasSuffix(".deb") }
    #expect(packages.isEmpty)
  }
}

private func isDirectory(_ url: URL) -> Bool {
  (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true
}
