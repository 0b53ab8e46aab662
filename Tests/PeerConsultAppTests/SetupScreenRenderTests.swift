import PeerConsultKit
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

@Suite struct SetupScreenRenderTests {
  @Test(arguments: [(80, 24), (120, 40)])
  func rendersTheEmptyForm(width: Int, height: Int) {
    expectGolden(
      SetupFixture.frame(SetupFixture.empty(), width: width, height: height),
      "setup-empty-\(width)x\(height)")
  }

  @Test(arguments: [(80, 24), (120, 40)])
  func rendersAFilledForm(width: Int, height: Int) {
    expectGolden(
      SetupFixture.frame(SetupFixture.filled(), width: width, height: height),
      "setup-filled-\(width)x\(height)")
  }
}

extension SetupScreenRenderTests {
  @Test(arguments: [(80, 24), (120, 40)])
  func rendersTheSliceWarning(width: Int, height: Int) {
    let grid = SetupFixture.frame(
      SetupFixture.oneLevelOneOrganisation(), width: width, height: height)
    expectGolden(grid, "setup-one-slice-\(width)x\(height)")
  }

  @Test(arguments: [(80, 24), (120, 40)])
  func rendersAParseErrorUnderTheField(width: Int, height: Int) {
    let grid = SetupFixture.frame(SetupFixture.withParseError(), width: width, height: height)
    expectGolden(grid, "setup-parse-error-\(width)x\(height)")
  }
}
