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
#define RONN_BITS(f) __float_as_uint(f)
#define RONN_FLOAT(u) __uint_as_float(u)
#else
#include <math.h>
typedef struct { unsigned x, y, z; } ronn_dim3;
static _Thread_local ronn_dim3 blockIdx, threadIdx, blockDim, gridDim;
#define RONN_KERNEL void
#define RONN_FN static inline
#define RONN_INF INFINITY
#define RONN_NAN NAN
static inline unsigned RONN_BITS(float f) { union { float f; unsigned u; } v; v.f = f; return v.u; }
static inline float RONN_FLOAT(unsigned u) { union { float f; unsigned u; } v; v.u = u; return v.f; }
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
RONN_FN float ronn_shrink(float x, float bias, float lambd) { return x < -lambd ? x + bias : (x > lambd ? x - bias : 0.0f); }
RONN_FN float ronn_rem(float a, float b) { float r = fmodf(a, b); return (r != 0.0f && ((r < 0.0f) != (b < 0.0f))) ? r + b : r; }
RONN_FN long long ronn_rem_i(long long a, long long b) { if (b == 0) return 0; long long r = a % b; return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r; }
// An index into an axis of `n`, negative from the end; -1 when out of range.
RONN_FN long long ronn_index(long long v, long long n) { if (v < 0) v += n; return (v < 0 || v >= n) ? -1 : v; }

// Half floats are stored as 16-bit words and computed in f32, rounded to nearest even on
// store, like the `half` crate the CPU kernels use.
RONN_FN float ronn_h2f(unsigned short h) {
    const unsigned exp = (h >> 10) & 0x1f, man = h & 0x3ff;
    float v;
    if (exp == 0) v = ldexpf((float)man, -24);
    else if (exp == 31) v = man ? RONN_NAN : RONN_INF;
    else v = ldexpf((float)(man | 0x400), (int)exp - 25);
    return (h & 0x8000) ? -v : v;
}
RONN_FN unsigned short ronn_f2h(float f) {
    const unsigned x = RONN_BITS(f), sign = (x >> 16) & 0x8000, a = x & 0x7fffffff;
    if (a >= 0x7f800000) return (unsigned short)(sign | (a > 0x7f800000 ? 0x7e00 : 0x7c00));
    if (a >= 0x477ff000) return (unsigned short)(sign | 0x7c00);
    if (a < 0x38800000) return (unsigned short)(sign | (unsigned)rintf(RONN_FLOAT(a) * 16777216.0f));
    unsigned h = (((a >> 23) - 112) << 10) | ((a & 0x7fffff) >> 13);
    const unsigned rest = a & 0x1fff;
    if (rest > 0x1000 || (rest == 0x1000 && (h & 1))) h++;
    return (unsigned short)(sign | h);
}
RONN_FN float ronn_bf2f(unsigned short h) { return RONN_FLOAT((unsigned)h << 16); }
RONN_FN unsigned short ronn_f2bf(float f) {
    const unsigned x = RONN_BITS(f);
    if ((x & 0x7fffffff) > 0x7f800000) return (unsigned short)((x >> 16) | 0x40);
    return (unsigned short)((x + 0x7fff + ((x >> 16) & 1)) >> 16);
}
