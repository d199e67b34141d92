// `run` never touches the heap: a counting global allocator sees no allocation across runs of
// a static-shape CNN and of a model with symbolic dims at two sizes (the arena is allocated
// once, in `Model::new`, at the bounds).
// trybuild compiles this from target/tests/trybuild/ronn: paths climb back to the repository.
ronn::include_model!("../../../../tests/models/mnist_cnn/model.onnx", name = "mnist");
ronn::include_model!("../../../../tests/symbolic/bert_dynamic/model.onnx", name = "bert", dim_max = "batch=2", dim_max = "seq=8");

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use ronn::runtime::TensorView;

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards every call to the system allocator unchanged; only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn main() {
    let image: Vec<f32> = (0..784).map(|i| (i % 17) as f32 / 17.0).collect();
    let ids: Vec<i64> = (0..16).map(|i| i % 50).collect();
    let mask = vec![1i64; 16];
    let mut cnn = mnist::Model::new().unwrap();
    let mut enc = bert::Model::new().unwrap();
    // Two threads: starting the pool allocates (here), dispatching work to it must not.
    ronn_runtime::threads::set_threads(2);
    let (a, b) = (vec![0.5f32; 96 * 256], vec![0.25f32; 256 * 96]);
    let mut c = vec![0f32; 96 * 96];

    let before = ALLOCATIONS.load(Ordering::SeqCst);
    // Big enough to be split across the pool.
    ronn_runtime::kernels::matmul::matmul(&a, &[96, 256], &b, &[256, 96], &mut c, &[96, 96]).unwrap();
    assert!(c.iter().all(|&v| v == 32.0));
    let mut checksum = 0.0f32;
    for _ in 0..3 {
        let out = cnn.run(TensorView::new(&image, &[1, 1, 28, 28])).unwrap();
        checksum += out.probabilities.data.iter().sum::<f32>();
        for (batch, seq) in [(1, 5), (2, 8)] {
            let n = batch * seq;
            let out = enc.run(TensorView::new(&ids[..n], &[batch, seq]), TensorView::new(&mask[..n], &[batch, seq])).unwrap();
            checksum += out.pooler_output.data[0];
        }
    }
    let after = ALLOCATIONS.load(Ordering::SeqCst);
    assert!(checksum.is_finite());
    assert_eq!(after - before, 0, "run allocated {} times", after - before);
    // The counter does count: a Vec is one allocation.
    let v = std::hint::black_box(vec![1u8; 10]);
    assert_eq!(ALLOCATIONS.load(Ordering::SeqCst) - after, 1, "{v:?}");
}
