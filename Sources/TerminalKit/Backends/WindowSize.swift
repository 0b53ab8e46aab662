import CNcursesw

/// The size of the terminal on a file descriptor, as the kernel reports it (`TIOCGWINSZ`).
public struct WindowSize: Equatable, Sendable {
  public var rows: Int
  public var columns: Int

  public init(rows: Int, columns: Int) {
    self.rows = rows
    self.columns = columns
  }

  /// The size of the terminal on `descriptor`; nil when it is not a terminal or reports no
  /// size (a pipe, a file, a pty nobody sized).
  public init?(of descriptor: Int32) {
    var rows: Int32 = 0
    var columns: Int32 = 0
    guard pc_window_size(descriptor, &rows, &columns) == OK else { return nil }
    self.init(rows: Int(rows), columns: Int(columns))
  }
}
