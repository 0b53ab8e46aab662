import Foundation
import PeerConsultKit
import Testing

/// A signal is honoured during a long operation: loading a folder of many large protocol
/// files takes seconds (each file is bounded, the folder is not), and SIGTERM must not wait
/// for it.
@Suite struct SignalDuringLoadTests {
  @Test func sigtermWhileTheProtocolFolderLoadsExitsAtOnce() throws {
    let tmux = try TmuxSession()
    tmux.waitFor("New session")
    let protocols = tmux.configDir.appendingPathComponent("peerconsult/protocols")
    try FileManager.default.createDirectory(at: protocols, withIntermediateDirectories: true)
    // Legal files of about 200 KB each (no text over the 10,000 characters a protocol's text
    // takes): slow to read together, quick to refuse none.
    let text = String(repeating: "word ", count: 1_999)
    let body =
      "description: \(text)\nround:\n- name: Talk\n  duration: 5m\n  speaker: everyone\n"
      + "  rules:\n" + String(repeating: "  - \(text)\n", count: 19)
    for number in 0..<100 {
      try ("name: Slow \(number)\n" + body).write(
        to: protocols.appendingPathComponent(String(format: "slow%03d.yaml", number)),
        atomically: false, encoding: .utf8)
    }
    let began = Date()
    let whole = ProtocolLibrary.load(from: protocols)
    let wholeLoad = Date().timeIntervalSince(began)
    #expect(whole.protocols.count == BuiltInProtocols.all.count + 100)

    // Home's fourth entry is the protocol browser, which loads the folder.
    try tmux.send("Down", "Down", "Down", "Enter")
    let pid = try #require(try tmux.programPID())
    // Into the load (a deliberate pause to place the signal, not a wait for output).
    usleep(200_000)
    let signalled = Date()
    kill(pid, SIGTERM)
    #expect(tmux.waitForExit() == 143)
    let toExit = Date().timeIntervalSince(signalled)
    print(
      "signal during a \(String(format: "%.1f", wholeLoad)) s protocol load: exit after "
        + String(format: "%.2f", toExit) + " s")
    // Without the check between files the program would finish the whole load first.
    #expect(toExit < max(1.0, wholeLoad / 3), "exit took \(toExit) s of a \(wholeLoad) s load")
    #expect(wholeLoad > 1.5, "the folder loads too fast to show anything")
  }
}
