
// node `matmul_y` (MatMul)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k0_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(30);
    long long t_ = i;
    const long long c2 = t_ % 5LL; t_ /= 5LL;
    const long long c1 = t_ % 3LL; t_ /= 3LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 0)) + c0 * 12LL + c1 * 4LL;
    const float* b = ((float*)(arena + 128)) + 0 + c2;
    float acc = 0.0f;
    for (long long k = 0; k < 4; ++k) acc += (a[k]) * (b[k * 5LL]);
    const float x0 = acc;
    ((float*)(arena + 256))[i] = x0;
}
