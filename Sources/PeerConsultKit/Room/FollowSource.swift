import Foundation

/// Where a followed session comes from when it is run on another machine: something that
/// copies it into the data folder the display reads (`follow --store` mirrors it from a
/// shared store), and says what that folder's lock cannot, whether the session is run and
/// whether its source can be reached.
public protocol FollowSource: AnyObject, Sendable {
  /// Whether `session` is being facilitated where it comes from.
  func isLive(_ session: SessionID) -> Bool
  /// Why the source cannot be read now, in one line (the display keeps the last state and
  /// shows this); nil when it can.
  var problem: String? { get }
}

/// A ``FollowSource``'s problem, thrown by ``SessionFollower/refresh()`` after it took in what
/// the folder holds, so the display shows the line under the last state.
public struct FollowSourceProblem: Error, Hashable, Sendable, CustomStringConvertible {
  public let description: String

  public init(_ description: String) {
    self.description = description
  }
}
