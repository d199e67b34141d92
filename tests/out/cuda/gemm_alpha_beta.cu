
// node `gemm_y/a_t` (Transpose)
// An elementwise map over the output's index space: fused expressions, unary and binary ops,
// Where, Cast, and data movement (Transpose, Slice, Concat, Expand, Tile, Pad, Reshape), whose
// operands are read through index expressions over the output coordinates `c0, c1, ...`.
RONN_KERNEL k0_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(12);
    long long t_ = i;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const float x0 = ((float*)(arena + 0))[c0 + c1 * 3LL];
    ((float*)(arena + 64))[i] = x0;
}

// node `gemm_y` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k1_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(15);
    long long t_ = i;
    const long long c1 = t_ % 5LL; t_ /= 5LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 64)) + 0 + c0 * 4LL;
    const float* b = ((const float*)(weights + 0)) + 0 + c1;
    float acc = 0.0f;
    for (long long k = 0; k < 4; ++k) acc += (a[k]) * (b[k * 5LL]);
    const float x0 = acc;
    const float x1 = ((const float*)(weights + 128))[0];
    const float x2 = ((const float*)(weights + 192))[c1];
    ((float*)(arena + 0))[i] = ((x0 * x1) + x2);
}
