// A grid's whole vocabulary is display columns: `Grid.put` clips to a width in columns and
// every screen measures, cuts and wraps text before drawing it. Re-exporting the measuring
// module keeps that vocabulary one import away for everything that draws, as it was before
// the code moved out so that the model (which must not import a terminal layer) could share it.
@_exported import TextLayout
