
// node `MatMulNBits_0` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k0_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(18);
    long long t_ = i;
    const long long c1 = t_ % 6LL; t_ /= 6LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 0)) + 0 + c0 * 40LL;
    const float* b = ((const float*)(weights + 0)) + 0 + c1;
    float acc = 0.0f;
    for (long long k = 0; k < 40; ++k) acc += (a[k]) * (b[k * 6LL]);
    const float x0 = acc;
    const float x1 = ((const float*)(weights + 960))[c1];
    ((float*)(arena + 512))[i] = (x0 + x1);
}

// node `MatMulNBits_2` (MatMul)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k1_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(18);
    long long t_ = i;
    const long long c1 = t_ % 6LL; t_ /= 6LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 0)) + 0 + c0 * 40LL;
    const float* b = ((const float*)(weights + 1024)) + 0 + c1;
    float acc = 0.0f;
    for (long long k = 0; k < 40; ++k) acc += (a[k]) * (b[k * 6LL]);
    const float x0 = acc;
    ((float*)(arena + 640))[i] = x0;
}

// node `MatMulNBits_1` (MatMul)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k2_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(18);
    long long t_ = i;
    const long long c1 = t_ % 6LL; t_ /= 6LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 0)) + 0 + c0 * 40LL;
    const float* b = ((const float*)(weights + 1984)) + 0 + c1;
    float acc = 0.0f;
    for (long long k = 0; k < 40; ++k) acc += (a[k]) * (b[k * 6LL]);
    const float x0 = acc;
    ((float*)(arena + 768))[i] = x0;
}
