/// Something `update` asks the runner to do outside the pure state: I/O, sound, leaving.
///
/// Screens stay pure functions; the runner performs effects and feeds their results back
/// as state changes, so tests can run every screen without a terminal or a database.
public enum Effect: Equatable, Sendable {
  /// Leave the program with this exit status.
  case exit(Int32)
  case bell
  case flash
  /// Ask the environment to act (load data, write to the store); see `AppCommand`.
  case command(AppCommand)
}
