import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The processor time the calling thread has used: what a step cost in work, which a loaded
/// machine does not stretch as it stretches the wall clock.
///
/// A test that bounds a step to catch a hang (a loop that never ends, work that grows without
/// bound) measures the step with this clock, and bounds the wall clock only far more loosely:
/// with tests running beside it on two processors, a step of 9 ms once took 4 s of wall time.
public enum ThreadClock {
  /// Seconds of processor time the calling thread has used so far.
  public static func seconds() -> TimeInterval {
    var time = timespec()
    guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time) == 0 else { return 0 }
    return TimeInterval(time.tv_sec) + TimeInterval(time.tv_nsec) / 1_000_000_000
  }
}
