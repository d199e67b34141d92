//! Tests: recurrence.

use super::*;

#[test]
fn recurrence_passes_cell_direction_and_scratch() {
    let op = Op::Recurrence { cell: RecurrentCell::Gru, reverse: true, cell_output: false };
    let xs = [f32o("xw", &[5, 1, 12]), f32o("rt", &[4, 12]), f32o("h0", &[1, 4]), f32o("rb", &[4])];
    let y = f32o("y", &[5, 1, 4]);
    assert_eq!(
        lowered_with_scratch(&op, &xs, &y).unwrap(),
        s(quote!(rt::kernels::recurrent::recurrence(rt::kernels::recurrent::Cell::Gru, true, false,
            (xw, &[5, 1, 12][..]), (rt, &[4, 12][..]), h0, rb, y, scratch)?;))
    );
    let lstm = Op::Recurrence { cell: RecurrentCell::Lstm, reverse: false, cell_output: true };
    let xs = [f32o("xw", &[5, 1, 16]), f32o("rt", &[4, 16]), f32o("h0", &[1, 4]), f32o("c0", &[1, 4])];
    let got = lowered_with_scratch(&lstm, &xs, &y).unwrap();
    assert!(got.contains(&s(quote!(rt::kernels::recurrent::Cell::Lstm, false, true))), "{got}");
    assert!(lower_err(&op, &xs, &y).contains("scratch"));
    assert!(lowered_with_scratch(&op, &xs[..3], &y).is_err());
}
