import Synchronization

/// A value worked out the first time it is asked for and kept, shared by the copies of the
/// state holding it: for what a screen shows only on demand and costs a pass over a whole
/// session (a transcript's actions). A new one is made when what it derives from changes.
///
/// Two are always equal: it holds only what its owner's other fields determine.
final class Found<Value: Sendable>: Sendable, Equatable {
  private let value = Mutex<Value?>(nil)

  init() {}

  /// The value, made with `make` the first time.
  func value(_ make: () -> Value) -> Value {
    value.withLock { stored in
      if let stored { return stored }
      let made = make()
      stored = made
      return made
    }
  }

  static func == (left: Found, right: Found) -> Bool { true }
}
