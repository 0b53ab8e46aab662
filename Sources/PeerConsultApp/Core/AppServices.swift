import Foundation
import PeerConsultKit

/// Performs the commands that need the outside world (files, the database) and writes their
/// results back into the state; the only impure part of the app besides the terminal.
public final class AppServices {
  public let location: DataLocation
  public let clock: any WallClock

  public init(location: DataLocation, clock: any WallClock) {
    self.location = location
    self.clock = clock
  }

  /// Carries out `command`, updating `state` with the outcome; returns any further effects.
  public func perform(_ command: AppCommand, on state: inout AppState) -> [Effect] {
    switch command {
    case .openProtocols:
      let library = ProtocolLibrary.load(from: location.protocolsDirectory)
      state.route = .protocols(
        ProtocolBrowserState(
          protocols: library.protocols, problems: library.problems.map(\.description)))
      return []
    }
  }
}
