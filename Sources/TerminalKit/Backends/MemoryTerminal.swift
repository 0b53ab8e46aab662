/// An in-memory terminal for tests: input comes from a queue, frames are kept for inspection.
public final class MemoryTerminal: Terminal {
  public private(set) var size: (width: Int, height: Int)
  public var supportsColor: Bool
  /// The last frame drawn.
  public private(set) var screen: Grid
  /// Cells sent by the last `draw` (the diff's size), to check that unchanged cells are not resent.
  /// Counted when asked, so that tests drawing thousands of frames do not pay for it.
  public var lastChangedCells: Int {
    guard previousScreen.width == screen.width && previousScreen.height == screen.height else {
      return screen.cells.count
    }
    var changed = 0
    for index in screen.cells.indices where screen.cells[index] != previousScreen.cells[index] {
      changed += 1
    }
    return changed
  }
  private var previousScreen: Grid
  public private(set) var frames = 0
  /// Frames shown by changing some rows of the last one (``drawRows(_:from:cursor:)``).
  public private(set) var rowFrames = 0
  /// The rows the last ``drawRows(_:from:cursor:)`` replaced.
  public private(set) var lastRows: Range<Int>?
  /// Whether `screen` is a frame that rows may change: false before the first `draw`, after
  /// a resize and after a suspend, as for the real terminal.
  private var holdsFrame = false
  public private(set) var bells = 0
  public private(set) var flashes = 0
  /// Times the program suspended itself (Ctrl-Z).
  public private(set) var suspensions = 0
  public private(set) var cursor: (x: Int, y: Int)?
  /// Timeouts the loop asked for, in order (nil = wait forever).
  public private(set) var waits: [Int?] = []
  private var pending: [InputEvent] = []

  public init(width: Int = 80, height: Int = 24, supportsColor: Bool = true) {
    size = (width, height)
    self.supportsColor = supportsColor
    screen = Grid(width: width, height: height)
    previousScreen = screen
  }

  /// Queues input for the loop to read.
  public func send(_ events: InputEvent...) { pending.append(contentsOf: events) }

  /// Queues typed text as character keys.
  public func type(_ text: String) {
    pending.append(contentsOf: text.map { .key(.character($0)) })
  }

  /// Changes the size and queues the resize event, as a real terminal would.
  public func resize(width: Int, height: Int) {
    size = (width, height)
    holdsFrame = false
    pending.append(.resize(width: width, height: height))
  }

  public func draw(_ grid: Grid, cursor: (x: Int, y: Int)?) {
    previousScreen = screen
    screen = grid
    self.cursor = cursor
    frames += 1
    holdsFrame = grid.width == size.width && grid.height == size.height
  }

  public func drawRows(_ rows: Grid, from top: Int, cursor: (x: Int, y: Int)?) -> Bool {
    guard holdsFrame, rows.width == screen.width, top >= 0, top + rows.height <= screen.height
    else { return false }
    previousScreen = screen
    screen.blit(rows, x: 0, y: top)
    self.cursor = cursor
    frames += 1
    rowFrames += 1
    lastRows = top..<top + rows.height
    return true
  }

  public func readEvent(timeoutMilliseconds: Int?) -> InputEvent? {
    waits.append(timeoutMilliseconds)
    return pending.isEmpty ? nil : pending.removeFirst()
  }

  /// Whether queued input remains.
  public var hasPendingInput: Bool { !pending.isEmpty }

  public func bell() { bells += 1 }
  public func flash() { flashes += 1 }
  public func suspend() {
    suspensions += 1
    holdsFrame = false
  }
}
