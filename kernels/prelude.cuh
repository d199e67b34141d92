// ronn kernel prelude. One translation unit holds every kernel of a model; it compiles as CUDA
// with NVRTC (to PTX, at build time) and as plain C for the CPU emulator that tests kernels and
// generated host code on machines without a GPU (`ronnc check --target cuda --emulate`).
//
// Every kernel has the same signature, `(char* arena, const char* weights, long long param)`:
// shapes and offsets are compile-time constants, the arena and the weights are the two device
// allocations a model owns, and `param` is a per-launch integer (a recurrence's time step).
// Kernels use one-dimensional launches and no __syncthreads, so the emulator can run each
// thread to completion in turn.
#if defined(__CUDACC__)
#define RONN_KERNEL extern "C" __global__ void
#define RONN_FN static __device__ __forceinline__
#define RONN_INF __int_as_float(0x7f800000)
#define RONN_NAN __int_as_float(0x7fffffff)
#else
#include <math.h>
typedef struct { unsigned x, y, z; } ronn_dim3;
static _Thread_local ronn_dim3 blockIdx, threadIdx, blockDim, gridDim;
#define RONN_KERNEL void
#define RONN_FN static inline
#define RONN_INF INFINITY
#define RONN_NAN NAN
typedef void (*ronn_kernel)(char*, const char*, long long);
// Runs a launch of `grid` blocks of `block` threads, one thread after the other.
void ronn_emu_launch(ronn_kernel k, unsigned grid, unsigned block, char* arena, const char* weights, long long param) {
    gridDim.x = grid; gridDim.y = 1; gridDim.z = 1;
    blockDim.x = block; blockDim.y = 1; blockDim.z = 1;
    for (unsigned b = 0; b < grid; ++b) {
        for (unsigned t = 0; t < block; ++t) {
            blockIdx.x = b; threadIdx.x = t;
            k(arena, weights, param);
        }
    }
}
#endif

// The thread's flat index `i`; threads past `n` return.
#define RONN_GUARD(n) long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x; if (i >= (n)) return

// Scalar functions with the semantics of runtime-min's `scalar.rs` (the CPU reference).
RONN_FN float ronn_relu(float x) { return x < 0.0f ? 0.0f : x; }
RONN_FN float ronn_max(float a, float b) { return (a != a || b != b) ? RONN_NAN : (b > a ? b : a); }
RONN_FN float ronn_min(float a, float b) { return (a != a || b != b) ? RONN_NAN : (b < a ? b : a); }
RONN_FN float ronn_clip(float x, float lo, float hi) { return x < lo ? lo : (x > hi ? hi : x); }
RONN_FN float ronn_sigmoid(float x) {
    float e = expf(-fabsf(x));
    return (x >= 0.0f ? 1.0f : e) / (1.0f + e);
}
RONN_FN float ronn_softplus(float x) { return x != x ? x : ronn_relu(x) + log1pf(expf(-fabsf(x))); }
RONN_FN float ronn_gelu(float x) { return 0.5f * x * (1.0f + erff(x * 0.70710678118654752f)); }
RONN_FN float ronn_gelu_tanh(float x) {
    return 0.5f * x * (1.0f + tanhf(0.79788456080286536f * (x + 0.044715f * x * x * x)));
}
RONN_FN float ronn_hard_sigmoid(float x, float alpha, float beta) { return ronn_max(0.0f, ronn_min(1.0f, alpha * x + beta)); }
RONN_FN float ronn_hard_swish(float x) { return x * ronn_hard_sigmoid(x, 1.0f / 6.0f, 0.5f); }
RONN_FN float ronn_leaky_relu(float x, float alpha) { return x < 0.0f ? alpha * x : x; }
RONN_FN float ronn_elu(float x, float alpha) { return x < 0.0f ? alpha * expm1f(x) : x; }
RONN_FN float ronn_sign(float x) { return x > 0.0f ? 1.0f : (x < 0.0f ? -1.0f : x); }
RONN_FN float ronn_round(float x) { return rintf(x); }
RONN_FN float ronn_pow(float a, float b) { return powf(a, b); }
