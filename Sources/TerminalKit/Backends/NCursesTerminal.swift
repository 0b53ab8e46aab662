import CNcursesw
import Foundation

/// The real terminal, through ncursesw: the only code that imports `CNcursesw`.
///
/// Sends only the cells that changed since the previous frame, reads the terminal's bytes
/// itself (one `read` a wake-up, not ncurses' byte at a time), and reports the window's new
/// size after SIGWINCH.
public final class NCursesTerminal: Terminal {
  public private(set) var supportsColor: Bool
  private var previous: Grid?
  private var pairs: [Int: Int16] = [:]
  private var screen: OpaquePointer?
  private var files: (output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>)?
  private var isOpen = true
  /// Cells handed to ncurses by the last `draw`: only those that changed.
  public private(set) var lastSentCells = 0
  private let inputDescriptor: Int32
  /// Where the frames go: the terminal whose size a SIGWINCH asks for.
  private let outputDescriptor: Int32
  /// The bytes of one read, kept between reads.
  private var inputBuffer = [UInt8](repeating: 0, count: 4096)
  /// Turns the bytes read into scalars; holds a character split between two reads.
  private var utf8 = UTF8Input()
  /// The size the loop was last told of. ncurses may change its screens' size by itself:
  /// continued after a SIGTSTP sent from outside, its own handler redraws and takes the
  /// window's size then, and only its key queue, which nothing reads, would say so.
  private var reportedSize = (width: 0, height: 0)
  /// Events decoded but not yet taken, oldest from `queuedHead`: taking one moves the head
  /// instead of shifting the array, so a paste typed as thousands of keys stays linear.
  private var queued: [InputEvent] = []
  private var queuedHead = 0
  /// Turns the characters read into keys and pastes; holds an unfinished escape sequence.
  private var decoder = KeyDecoder()
  /// Whether bracketed paste was switched on and must be switched off again.
  private var bracketedPaste = false
  /// A descriptor whose readiness also ends a wait for input (-1: none).
  private var watched: Int32 = -1

  /// Starts ncurses on the process's terminal (stdin/stdout).
  ///
  /// - Parameter useColor: false forces monochrome (`NO_COLOR`).
  public init(useColor: Bool) {
    // The kernel's size wherever ncurses asks (LINES and COLUMNS set in the environment would
    // otherwise win at the start and after a suspend, and lose at the first resize).
    use_tioctl(true)
    initscr()
    inputDescriptor = STDIN_FILENO
    outputDescriptor = STDOUT_FILENO
    supportsColor = false
    configure(useColor: useColor)
    reportedSize = size
    // Pasted text then arrives marked, so its newlines never act as Enter.
    Self.writeRaw(Self.pasteOn)
    bracketedPaste = true
    TerminalRestorer.register()
  }

  /// Starts ncurses on files instead of the process's terminal: for tests, which use
  /// /dev/null so no real terminal is needed, then read cells back with `cell(x:y:)`.
  public init?(termType: String, outputPath: String, inputPath: String, useColor: Bool) {
    guard let out = fopen(outputPath, "w"), let input = fopen(inputPath, "r") else { return nil }
    guard let screen = newterm(termType, out, input) else {
      fclose(out)
      fclose(input)
      return nil
    }
    self.screen = screen
    files = (out, input)
    inputDescriptor = fileno(input)
    outputDescriptor = fileno(out)
    set_term(screen)
    supportsColor = false
    configure(useColor: useColor)
    reportedSize = size
  }

  deinit { close() }

  private func configure(useColor: Bool) {
    cbreak()
    noecho()
    nonl()
    // No keypad translation: ncurses would decode only the sequences its terminfo entry
    // lists and hand any other as Esc and letters; ``KeyDecoder`` reads them all, and a lone
    // Esc acts after its 25 ms delay rather than ncurses' default second.
    keypad(pc_stdscr(), false)
    // No look for typing in the middle of a refresh: ncurses would poll the terminal twice
    // before each frame's first byte to give the frame up for keys waiting, and the loop
    // already applies every key waiting before it draws.
    typeahead(-1)
    takeSignalAndFlowKeys()
    if useColor && has_colors() {
      start_color()
      use_default_colors()
      supportsColor = true
    }
    curs_set(0)
  }

  /// Makes the terminal's signal and flow-control keys arrive as keys.
  ///
  /// XON/XOFF flow control, which cbreak mode keeps, goes: a stray Ctrl-S would otherwise stop
  /// all output, and the program with it as its next write blocks, until Ctrl-Q, which nobody
  /// in a meeting knows to press. ISIG goes too, so Ctrl-C, Ctrl-Z and Ctrl-\ are keys the
  /// keymap handles (ask before leaving, suspend cleanly, a hint) rather than signals that
  /// end the program without a word or leave the screen broken. Signals sent from outside
  /// are unaffected. ncurses restores the user's settings at the end.
  private func takeSignalAndFlowKeys() {
    var settings = termios()
    guard tcgetattr(inputDescriptor, &settings) == 0 else { return }
    settings.c_iflag &= ~tcflag_t(IXON | IXOFF)
    settings.c_lflag &= ~tcflag_t(ISIG)
    guard tcsetattr(inputDescriptor, TCSANOW, &settings) == 0 else { return }
    // ncurses returns to its saved program mode after a suspend; save this one.
    def_prog_mode()
  }

  /// Ends ncurses and gives the terminal back in its original modes. Safe to call twice.
  public func close() {
    guard isOpen else { return }
    isOpen = false
    TerminalRestorer.unregister()
    endwin()
    if bracketedPaste { Self.writeRaw(Self.pasteOff) }
    if let screen {
      delscreen(screen)
      self.screen = nil
    }
    if let files {
      fclose(files.output)
      fclose(files.input)
      self.files = nil
    }
  }

  public var size: (width: Int, height: Int) {
    (Int(getmaxx(pc_stdscr())), Int(getmaxy(pc_stdscr())))
  }

  public func draw(_ grid: Grid, cursor: (x: Int, y: Int)?) {
    let fresh = previous.map { $0.width != grid.width || $0.height != grid.height } ?? true
    if fresh { erase() }
    lastSentCells = send(grid, from: 0, over: fresh ? nil : previous)
    previous = grid
    show(cursor)
  }

  public func drawRows(_ rows: Grid, from top: Int, cursor: (x: Int, y: Int)?) -> Bool {
    let size = self.size
    guard var frame = previous, frame.width == rows.width, frame.width == size.width,
      frame.height == size.height, top >= 0, top + rows.height <= frame.height
    else { return false }
    // Let go of the stored frame so that `frame` is its only owner and is changed in place,
    // not copied whole for a row or two.
    previous = nil
    lastSentCells = send(rows, from: top, over: frame)
    frame.blit(rows, x: 0, y: top)
    previous = frame
    show(cursor)
    return true
  }

  /// Hands ncurses the cells of `grid` that differ from `previous`'s, `grid`'s first row being
  /// `previous`'s row `top` (every cell when there is no previous frame); returns how many.
  private func send(_ grid: Grid, from top: Int, over previous: Grid?) -> Int {
    let size = self.size
    let rows = min(grid.height, max(0, size.height - top))
    let columns = min(grid.width, size.width)
    let shownWidth = previous?.width ?? 0
    // The cells are compared where they lie, against the frame shown, not copied out.
    return grid.cells.withUnsafeBufferPointer { cells in
      (previous?.cells ?? []).withUnsafeBufferPointer { shown in
        guard let cells = cells.baseAddress else { return 0 }
        // An empty array's buffer may still have an address: no frame shown, no address.
        let shown = previous == nil ? nil : shown.baseAddress
        var sent = 0
        for row in 0..<rows {
          let y = top + row
          for x in 0..<columns {
            let index = row * grid.width + x
            if cells[index].isContinuation { continue }
            // Unchanged cells are skipped; a wide character is resent when its right half
            // changed.
            if let shown, Self.same(shown + y * shownWidth + x, cells + index) {
              let rightHalfChanged =
                x + 1 < grid.width && cells[index + 1].isContinuation
                && !Self.same(shown + y * shownWidth + x + 1, cells + index + 1)
              if !rightHalfChanged { continue }
            }
            put(cells[index], x: x, y: y)
            sent += 1
          }
        }
        return sent
      }
    }
  }

  /// Whether two cells are equal, compared where they lie (a cell is plain bytes).
  private static func same(_ one: UnsafePointer<Cell>, _ other: UnsafePointer<Cell>) -> Bool {
    one.pointee == other.pointee
  }

  /// Places the text cursor (or hides it) and sends what changed to the terminal.
  private func show(_ cursor: (x: Int, y: Int)?) {
    if let cursor {
      move(Int32(cursor.y), Int32(cursor.x))
      curs_set(1)
    } else {
      curs_set(0)
    }
    refresh()
  }

  /// Forgets the last frame so the next `draw` repaints everything (after a resize).
  public func invalidate() { previous = nil }

  /// Gives the terminal back to the shell and stops the process (Ctrl-Z); on `fg` takes it
  /// again, at the window's size then, and the next `draw` repaints every cell on a cleared
  /// screen.
  ///
  /// SIGSTOP rather than SIGTSTP: ncurses may have its own SIGTSTP handler, which would end
  /// the screen a second time and redraw from inside a signal handler.
  public func suspend() {
    endwin()
    if bracketedPaste { Self.writeRaw(Self.pasteOff) }
    TerminalRestorer.unregister()
    raise(SIGSTOP)
    // Continued: the next refresh puts back the program's modes; clear and send everything,
    // at the window's size now. A shell that held the terminal meanwhile had any resize's
    // SIGWINCH, not us.
    TerminalRestorer.register()
    // The runner asks for the size itself after a suspend: no resize event follows.
    adoptWindowSize()
    if bracketedPaste { Self.writeRaw(Self.pasteOn) }
    clearok(pc_curscr(), true)
    previous = nil
    decoder = KeyDecoder()
    utf8 = UTF8Input()
  }

  private func put(_ cell: Cell, x: Int, y: Int) {
    var chars: [wchar_t] = []
    for scalar in cell.glyph.string.unicodeScalars.prefix(5) {
      // Only the first scalar may take columns; ncurses refuses a cell of two wide chars.
      if !chars.isEmpty && DisplayWidth.of(scalar) > 0 { continue }
      chars.append(wchar_t(bitPattern: scalar.value))
    }
    chars.append(0)
    let (attrs, pair) = attributes(for: cell.style)
    _ = chars.withUnsafeBufferPointer {
      pc_put_cell(Int32(y), Int32(x), $0.baseAddress, attrs, pair)
    }
  }

  private func attributes(for style: Style) -> (Int32, Int16) {
    var attrs: Int32 = 0
    if style.bold { attrs |= pc_a_bold() }
    if style.reverse { attrs |= pc_a_reverse() }
    if style.underline { attrs |= pc_a_underline() }
    if style.dim { attrs |= pc_a_dim() }
    guard supportsColor else {
      // Monochrome: colour carries meaning (amber, red), so keep it visible as emphasis.
      if style.foreground != .default { attrs |= pc_a_bold() }
      if style.background != .default { attrs |= pc_a_reverse() }
      return (attrs, 0)
    }
    return (attrs, pair(style.foreground, style.background))
  }

  private func pair(_ fg: Style.Color, _ bg: Style.Color) -> Int16 {
    if fg == .default && bg == .default { return 0 }
    let key = Int(fg.rawValue) * 16 + Int(bg.rawValue)
    if let existing = pairs[key] { return existing }
    let number = Int16(pairs.count + 1)
    init_pair(number, Self.code(fg), Self.code(bg))
    pairs[key] = number
    return number
  }

  private static func code(_ color: Style.Color) -> Int16 {
    switch color {
    case .default: return -1
    case .black: return Int16(COLOR_BLACK)
    case .red: return Int16(COLOR_RED)
    case .green: return Int16(COLOR_GREEN)
    case .yellow: return Int16(COLOR_YELLOW)
    case .blue: return Int16(COLOR_BLUE)
    case .magenta: return Int16(COLOR_MAGENTA)
    case .cyan: return Int16(COLOR_CYAN)
    case .white: return Int16(COLOR_WHITE)
    }
  }

  public func watch(_ descriptor: Int32?) { watched = descriptor ?? -1 }

  /// Waits with `poll` on the terminal, the signal self-pipe and any watched descriptor, so a
  /// signal or a watched change ends the wait at once; then reads what arrived with one
  /// `read`, turns it into scalars (``UTF8Input``) and decodes keys with ``KeyDecoder``. A
  /// SIGWINCH gives a resize event with the terminal's new size. An unfinished character or
  /// escape sequence waits the escape delay for its rest, an unfinished paste a little longer.
  public func readEvent(timeoutMilliseconds: Int?) -> InputEvent? {
    if let event = takeQueued() { return event }
    if size != reportedSize { return resized() }
    var wait = timeoutMilliseconds
    var consumed = 0
    while true {
      // An unfinished sequence or paste waits its delay for the rest, even when the caller
      // asked only for a look (a screen reading ahead): cut short, an arrow would become Esc.
      if decoder.isWaiting || utf8.isWaiting { wait = decoder.waitMilliseconds }
      var fds = [pollfd(fd: inputDescriptor, events: Int16(POLLIN), revents: 0)]
      let wake = TerminalRestorer.wakeRead.load(ordering: .relaxed)
      if wake >= 0 { fds.append(pollfd(fd: wake, events: Int16(POLLIN), revents: 0)) }
      if watched >= 0 { fds.append(pollfd(fd: watched, events: Int16(POLLIN), revents: 0)) }
      let ready = poll(
        &fds, nfds_t(fds.count), Int32(wait.map { max(0, min($0, Int(Int32.max))) } ?? -1))
      let failure = ready < 0 ? errno : 0
      // A signal: the pipe's byte, or the wait cut short (EINTR) before the pipe was seen.
      if (wake >= 0 && fds[1].revents != 0) || ready < 0 {
        TerminalRestorer.drainWakePipe()
        if TerminalRestorer.takeResize() { return resized() }
        if ready >= 0 { return nil }
        // Any other failure would fail again at once: what is held is complete as it is.
        guard failure == EINTR else { return finishWaiting() }
        if !decoder.isWaiting && !utf8.isWaiting { return nil }
        continue
      }
      // A watched change, with no key waiting: the caller looks at what changed.
      if watched >= 0 && fds[fds.count - 1].revents != 0 && fds[0].revents == 0 { return nil }
      if ready == 0 {
        // Nothing more within the wait: what is held is complete as it is.
        return finishWaiting()
      }
      let count = inputBuffer.withUnsafeMutableBytes {
        read(inputDescriptor, $0.baseAddress, $0.count)
      }
      // The end of the input (a terminal hung up) or an error: nothing more will complete
      // what is held, and waiting for it again would find the same end at once. It is taken as
      // the hang-up it is, whether or not a SIGHUP comes with it, so that the program leaves.
      if count <= 0 && !(count < 0 && (errno == EINTR || errno == EAGAIN)) {
        TerminalRestorer.noteHangUp()
        return finishWaiting()
      }
      if count > 0 {
        let scalars = inputBuffer.withUnsafeBufferPointer {
          utf8.scalars(from: UnsafeBufferPointer(rebasing: $0[..<count]))
        }
        queued.append(contentsOf: decoder.feed(scalars))
        consumed += count
      }
      if let event = takeQueued() { return event }
      // Only part of a character, sequence or paste arrived: wait briefly for the rest.
      if !decoder.isWaiting && !utf8.isWaiting { return nil }
      // A paste that keeps coming is read a slice a call, so the loop still draws, ticks and
      // sees signals meanwhile.
      if consumed >= Self.readSlice { return nil }
    }
  }

  /// Ends every wait for the rest of a character, sequence or paste: they are complete as
  /// they stand. Returns the oldest event then queued.
  private func finishWaiting() -> InputEvent? {
    queued.append(contentsOf: decoder.feed(utf8.flush()))
    queued.append(contentsOf: decoder.flush())
    return takeQueued()
  }

  /// Takes the terminal's new size into ncurses and reports it.
  private func resized() -> InputEvent {
    adoptWindowSize()
    return .resize(width: reportedSize.width, height: reportedSize.height)
  }

  /// Gives ncurses' screens the size the kernel reports for the terminal (leaves them as they
  /// are when the output is not a terminal that reports one), and takes their size as the
  /// one reported.
  private func adoptWindowSize() {
    if let window = WindowSize(of: outputDescriptor),
      size.width != window.columns || size.height != window.rows
    {
      resizeterm(Int32(window.rows), Int32(window.columns))
    }
    reportedSize = size
  }

  public var hasPendingInput: Bool { queuedHead < queued.count }

  /// The oldest queued event, if any.
  private func takeQueued() -> InputEvent? {
    guard queuedHead < queued.count else { return nil }
    let event = queued[queuedHead]
    queuedHead += 1
    if queuedHead == queued.count {
      queued.removeAll(keepingCapacity: true)
      queuedHead = 0
    }
    return event
  }

  /// The most one call of ``readEvent(timeoutMilliseconds:)`` reads without an event.
  static let readSlice = 64 * 1024

  static let pasteOn = "\u{1B}[?2004h"
  static let pasteOff = "\u{1B}[?2004l"

  private static func writeRaw(_ text: String) {
    fflush(nil)  // all streams: ncurses may hold output in stdio buffers
    text.withCString { _ = write(STDOUT_FILENO, $0, strlen($0)) }
  }

  public func bell() { beep() }
  public func flash() { _ = CNcursesw.flash() }

  /// Reads a cell back from ncurses' screen: its characters, bold and reverse (for tests).
  public func cell(x: Int, y: Int) -> (text: String, bold: Bool, reverse: Bool, pair: Int16)? {
    var buffer = [wchar_t](repeating: 0, count: 8)
    var attrs: Int32 = 0
    var pair: Int16 = 0
    let status = buffer.withUnsafeMutableBufferPointer {
      pc_get_cell(pc_stdscr(), Int32(y), Int32(x), $0.baseAddress, 8, &attrs, &pair)
    }
    guard status != ERR else { return nil }
    let text = String(
      String.UnicodeScalarView(buffer.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32($0)) }))
    return (text, attrs & pc_a_bold() != 0, attrs & pc_a_reverse() != 0, pair)
  }

  /// Why the terminal type in `TERM` cannot show the screens, if it cannot.
  public enum TerminalTypeProblem: Sendable, Equatable {
    /// The terminal information database has no such type.
    case unknown
    /// No terminal information database was found at all.
    case noDatabase
    /// The type cannot move the cursor (`dumb`): a screen would be one line.
    case cannotMoveCursor
  }

  /// What is wrong with the terminal type `TERM` names for the terminal on `descriptor`, or
  /// nil when the screens can start: asked before they do, since ncurses, given a type it
  /// does not know, prints a line of its own and ends the program.
  public static func terminalTypeProblem(on descriptor: Int32 = STDOUT_FILENO)
    -> TerminalTypeProblem?
  {
    switch pc_terminal_usable(descriptor) {
    case 1: nil
    case 2: .cannotMoveCursor
    case -1: .noDatabase
    default: .unknown
    }
  }

  /// Whether the process locale (after `setlocale(LC_ALL, "")`) uses UTF-8.
  public static func adoptUserLocale() -> Bool {
    setlocale(LC_ALL, "")
    guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
    let name = String(cString: codeset).uppercased()
    return name == "UTF-8" || name == "UTF8"
  }
}
