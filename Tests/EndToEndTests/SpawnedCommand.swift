import Foundation
import Testing

/// Runs the built `peerconsult` once, with standard output sent where a test chooses: a file,
/// `/dev/full`, or a pipe nobody reads. Standard input is `/dev/null` unless given.
struct SpawnedCommand {
  /// Where standard output goes.
  enum Output {
    /// A file, read back into `stdout`.
    case file
    /// A device or file opened for writing as it is (`/dev/full`).
    case path(String)
    /// A pipe whose reading end is closed before the program starts, as after `| head -1`.
    case closedPipe
  }

  let status: Int32
  let stdout: String
  let stderr: String

  /// Runs `peerconsult arguments` in `folder` (HOME, XDG folders and output files), in UTC.
  init(
    _ arguments: [String], in folder: URL, output: Output = .file, input: String = "/dev/null",
    environment extra: [String] = [], umask mask: String? = nil, fileSizeLimit: Int? = nil
  ) throws {
    let id = UUID().uuidString
    let out = folder.appendingPathComponent("stdout-\(id)")
    let err = folder.appendingPathComponent("stderr-\(id)")
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
    var pipeEnds: [Int32] = [-1, -1]
    switch output {
    case .file:
      posix_spawn_file_actions_addopen(&actions, 1, out.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    case .path(let path):
      posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY, 0)
    case .closedPipe:
      guard pipe(&pipeEnds) == 0 else { throw HarnessError("cannot make a pipe") }
      close(pipeEnds[0])
      posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
    }
    defer { if pipeEnds[1] >= 0 { close(pipeEnds[1]) } }
    posix_spawn_file_actions_addopen(&actions, 2, err.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    // A umask or a file-size limit needs a shell to set it; `exec` keeps the status the
    // program's own.
    let settings = [mask.map { "umask \($0)" }, fileSizeLimit.map { "ulimit -f \($0)" }]
      .compactMap(\.self)
    let argv =
      settings.isEmpty
      ? [TmuxSession.binary]
      : [
        "/bin/sh", "-c", (settings + ["exec \"$0\" \"$@\""]).joined(separator: " && "),
        TmuxSession.binary,
      ]
    let program = argv[0]
    let environment =
      [
        "LANG=C.UTF-8", "TZ=UTC", "HOME=\(folder.path)", "SWIFT_BACKTRACE=enable=no",
        "XDG_CONFIG_HOME=\(folder.path)/config", "XDG_DATA_HOME=\(folder.path)/xdg-data",
        "PATH=/usr/bin:/bin",
      ] + extra
    let cArguments: [UnsafeMutablePointer<CChar>?] = (argv + arguments).map { strdup($0) } + [nil]
    let cEnvironment: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
    defer { for pointer in cArguments + cEnvironment { free(pointer) } }
    var pid: pid_t = 0
    let shell = ShellSpawnAttributes()
    let spawned = posix_spawn(&pid, program, &actions, &shell.attributes, cArguments, cEnvironment)
    guard spawned == 0 else { throw HarnessError("cannot start peerconsult: error \(spawned)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    self.status = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    stdout = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
    stderr = try String(contentsOf: err, encoding: .utf8)
  }
}
