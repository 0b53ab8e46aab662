/// Requests that need the outside world (the store, the protocol library), performed by
/// the runner through its `AppEnvironment`.
public enum AppCommand: Equatable, Sendable {
  /// Open the protocol browser (loads the library).
  case openProtocols
}
