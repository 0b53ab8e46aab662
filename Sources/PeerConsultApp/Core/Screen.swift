import Foundation
import PeerConsultKit
import TerminalKit

/// One screen of the app, in the spirit of tig's view operations and Bubble Tea's model: a
/// value that draws itself and turns inputs into a new value and effects.
///
/// A screen never sees a raw key. `App` looks each key up in the one ``Keymap`` under the
/// screen's ``keyContexts`` and hands the screen the ``Action``; a printable key that no
/// binding claims reaches it as `.text`, and only while ``acceptsText`` is true (a focused
/// text field), so typing can never run a command; with no field focused, it first opens the
/// field ``actionForText`` names, if any. Results of the I/O a screen asked for come back as
/// `.result`.
///
/// Adding a screen is one file with a state type conforming to `Screen` (its contexts,
/// actions and bindings declared beside it) and one line in ``ScreenRegistry``.
public protocol Screen: Sendable {
  /// The key bindings this screen's contexts add to the keymap.
  static var keyBindings: [KeyBinding] { get }
  /// The context in force: its bindings work, and the footer and the help overlay show them.
  var keyContext: KeyContext { get }
  /// Whether a text field has focus, so unbound printable keys and pastes arrive as `.text`.
  var acceptsText: Bool { get }
  /// The title bar's left and right text.
  func title(_ environment: ScreenEnvironment) -> (left: String, right: String)
  /// Draws the body into `area`; returns the text cursor when a text field has focus.
  func render(into grid: inout Grid, area: Rect, _ environment: ScreenEnvironment) -> (
    x: Int, y: Int
  )?
  /// Applies one input; returns what should happen next (another screen, a notice, I/O).
  mutating func update(_ input: ScreenInput, _ environment: ScreenEnvironment) -> [Effect]
  /// When the screen next changes by itself; nil when nothing on it moves.
  func nextDeadline(now: Date) -> Date?
  /// Whether the screen has something to read ahead: what a key will probably ask for, read
  /// while nobody types (``readAhead(_:)``) so that the key does not wait for it.
  var readsAhead: Bool { get }
  /// Asks for what the screen reads ahead, and notes that it asked, so that ``readsAhead``
  /// turns false. The runner calls it after a frame when no input is waiting, at most once
  /// between two inputs: never before the first frame, never in front of a key.
  mutating func readAhead(_ environment: ScreenEnvironment) -> [Effect]
  /// The footer's word for `action` now, when it differs from the binding's label (Space
  /// "pause" reads "resume" while paused); nil keeps the label, and "" leaves the key out of
  /// the footer while it has nothing to do (its help line stays).
  func footerLabel(for action: Action) -> String?
  /// The rows of `area` that are all that changed since `previous` (this screen as the last
  /// frame showed it, drawn for the time `drawnAt`), when that is only what was typed into a
  /// focused field, the time passed since shows nowhere, and the rows hold nothing else; nil
  /// when the whole frame must be drawn. See ``renderTyping(into:area:_:)``.
  func typingRows(
    after previous: any Screen, drawnAt: Date, area: Rect, _ environment: ScreenEnvironment
  ) -> Range<Int>?
  /// Draws what ``typingRows(after:area:_:)`` names, exactly as `render` draws those rows,
  /// and nothing else of the screen; returns the text cursor as `render` would.
  func renderTyping(into grid: inout Grid, area: Rect, _ environment: ScreenEnvironment) -> (
    x: Int, y: Int
  )?
  /// What to keep of the screen when the program is ended by a signal (its terminal closed):
  /// the note being written; nil for nothing.
  var draftOnLeaving: AppCommand? { get }
  /// What to do before the program is suspended (Ctrl-Z): keep the note being written, which
  /// a stopped program cannot keep at the next pause, and one killed while stopped (its shell
  /// closed, `kill -9`) would lose.
  mutating func keepBeforeSuspending() -> [Effect]
  /// The action that opens a text field for text arriving while none has focus, a paste or a
  /// character no key of the screen binds (the live screen's note line), or nil: such text is
  /// then dropped.
  var actionForText: Action? { get }
  /// Whether `character`, typed where no key of the screen binds it and no field has focus,
  /// starts the text of ``actionForText``'s field; false drops it. A panel over the live
  /// screen drops the live screen's own keys: `+` over the schedule, Space over last time's
  /// actions, opened a note of "+" or " " rather than doing nothing.
  func startsText(_ character: Character) -> Bool
  /// The contexts whose bindings apply now, in the order they are looked up.
  var keyContexts: [KeyContext] { get }
  /// What Ctrl-C does where `q` does not quit: nil asks whether to quit PeerConsult. A screen
  /// over a session (who is here, last time's actions) asks the live screen's question
  /// instead, leaving the session resumable, as Ctrl-C on the live screen does.
  var interrupted: [Effect]? { get }
}

extension Screen {
  public var acceptsText: Bool { false }
  public func nextDeadline(now: Date) -> Date? { nil }
  public var readsAhead: Bool { false }
  public var draftOnLeaving: AppCommand? { nil }
  public mutating func keepBeforeSuspending() -> [Effect] { [] }
  public var actionForText: Action? { nil }
  public func startsText(_ character: Character) -> Bool { true }
  public var interrupted: [Effect]? { nil }
  public mutating func readAhead(_ environment: ScreenEnvironment) -> [Effect] { [] }
  public func footerLabel(for action: Action) -> String? { nil }
  /// Most screens redraw whole after typing: cheap enough where nothing counts the keys.
  public func typingRows(
    after previous: any Screen, drawnAt: Date, area: Rect, _ environment: ScreenEnvironment
  ) -> Range<Int>? { nil }
  public func renderTyping(
    into grid: inout Grid, area: Rect, _ environment: ScreenEnvironment
  ) -> (x: Int, y: Int)? { nil }
  /// The contexts whose bindings apply now, in the order they are looked up: a focused text
  /// field's editing keys first, then the screen's own.
  public var keyContexts: [KeyContext] { acceptsText ? [.textField, keyContext] : [keyContext] }
}

/// What reaches a screen's `update`.
public enum ScreenInput: Equatable, Sendable {
  /// A key the keymap turned into a request.
  case action(Action)
  /// Typed or pasted text for the focused field (a paste may hold line breaks).
  case text(String)
  /// The outcome of a command the screen asked for.
  case result(ServiceResult)
  /// The clock moved on.
  case tick(Date)
  /// The terminal changed size.
  case resize(width: Int, height: Int)
}

/// What a screen may know of the app around it when drawing or updating.
public struct ScreenEnvironment: Sendable {
  /// The time the frame is drawn for.
  public var now: Date
  /// The zone times are shown in.
  public var timeZone: TimeZone
  /// Where the data lives (the home screen shows it).
  public var dataDirectory: String
  /// The whole terminal's size.
  public var width: Int
  public var height: Int
  /// Rows between the title bar and the notice and footer rows.
  public var bodyHeight: Int

  public init(
    now: Date, timeZone: TimeZone = .current, dataDirectory: String = "", width: Int = 80,
    height: Int = 24, bodyHeight: Int = 21
  ) {
    self.now = now
    self.timeZone = timeZone
    self.dataDirectory = dataDirectory
    self.width = width
    self.height = height
    self.bodyHeight = bodyHeight
  }
}
