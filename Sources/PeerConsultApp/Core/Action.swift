/// A named request a key can make; screens handle actions, never raw keys.
///
/// Keeping requests separate from keys (as tig does) lets one table drive dispatch,
/// the footer and the help overlay.
public enum Action: String, Hashable, Sendable, CaseIterable {
  // Everywhere
  case help, quit, back, confirmYes, confirmNo
  // Lists and menus
  case up, down, pageUp, pageDown, top, bottom, select
  // Live session
  case writeNote, togglePause, nextPhase, previousPhase, addMinute, removeMinute
  case rateProcess, rate1, rate2, rate3, rate4, rate5
  case schedule, toggleMute, scrollUp, scrollDown, editLastNote, deleteLastNote, actionDone
  // Note editor
  case saveNote, cancelNote, cycleKind, cycleSpeaker, cycleOwner
  // Setup
  case nextField, previousField, addItem, removeItem, moveUp, moveDown, togglePresenter, start
  // Review
  case search, filterKind, nextSection, previousSection, filterProgramme, actions
}
