/// A place frames are shown and input comes from.
///
/// Screens never talk to a terminal: they fill a `Grid`, and the event loop hands it to
/// `draw`, which sends only what changed since the previous frame.
public protocol Terminal: AnyObject {
  /// Current size in columns and rows.
  var size: (width: Int, height: Int) { get }
  /// Whether colours may be used (false under `NO_COLOR` or on a monochrome terminal).
  var supportsColor: Bool { get }
  /// Shows a frame, sending only the cells that differ from the last one.
  func draw(_ grid: Grid, cursor: (x: Int, y: Int)?)
  /// Shows a frame that differs from the one last shown only in the rows that `rows` holds,
  /// from row `top` down, sending only the cells of those rows that changed. Returns false,
  /// showing nothing, when the terminal holds no frame to change (none drawn yet, a new size,
  /// after a suspend): the caller then draws the whole frame.
  ///
  /// A keystroke in a text field changes a row or two; comparing only those rows is what
  /// makes its echo cost what it must.
  func drawRows(_ rows: Grid, from top: Int, cursor: (x: Int, y: Int)?) -> Bool
  /// Waits up to `timeoutMilliseconds` (nil: forever) for input; nil when the wait ended
  /// without any (timeout or an interrupting signal).
  func readEvent(timeoutMilliseconds: Int?) -> InputEvent?
  /// Makes ``readEvent(timeoutMilliseconds:)`` also end its wait, returning nil, when
  /// `descriptor` becomes readable (a ``FileChangeWatch``); nil stops watching. The caller
  /// empties the descriptor after each wake.
  func watch(_ descriptor: Int32?)
  /// Whether input has already arrived that `readEvent` will return at once: the loop then
  /// skips drawing a frame the next key would replace, so a paste is taken at full speed.
  var hasPendingInput: Bool { get }
  /// Gives the terminal back and stops the program (Ctrl-Z); returns once it is continued
  /// (`fg`), after which the next `draw` repaints everything.
  func suspend()
  /// Rings the bell.
  func bell()
  /// Flashes the screen once.
  func flash()
}

extension Terminal {
  /// Terminals that only replay input (tests) have nothing to wait on.
  public func watch(_ descriptor: Int32?) {}

  /// A terminal that keeps no frame asks for whole frames.
  public func drawRows(_ rows: Grid, from top: Int, cursor: (x: Int, y: Int)?) -> Bool { false }
}
