import Foundation
import Testing

@testable import TestSupport

/// The clock that bounds a step's work in the attack tests: it counts what the thread does,
/// not how long it waits.
@Suite struct ThreadClockTests {
  @Test func itCountsWorkAndNotWaiting() {
    let slept = ThreadClock.seconds()
    Thread.sleep(forTimeInterval: 0.2)
    // A sleeping thread uses next to no processor time, however loaded the machine.
    #expect(ThreadClock.seconds() - slept < 0.05)
    // Work does count: spin until 20 ms of it are seen, giving up after 10 s of wall time.
    let began = ThreadClock.seconds()
    let deadline = Date().addingTimeInterval(10)
    var spins = 0
    while ThreadClock.seconds() - began < 0.02, Date() < deadline { spins &+= 1 }
    #expect(ThreadClock.seconds() - began >= 0.02, "after \(spins) spins")
  }
}
