
// node `lstm_ly/t13` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k0_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(160);
    long long t_ = i;
    const long long c2 = t_ % 16LL; t_ /= 16LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 0)) + c0 * 6LL + c1 * 3LL;
    const float* b = ((const float*)(weights + 0)) + 0 + c2;
    float acc = 0.0f;
    for (long long k = 0; k < 3; ++k) acc += (a[k]) * (b[k * 16LL]);
    const float x0 = acc;
    const float x1 = ((const float*)(weights + 192))[c2];
    ((float*)(arena + 128))[i] = (x0 + x1);
}

// node `lstm_ly/cells23` (LSTM)
// One time step of an LSTM or GRU layer (runtime-min's kernels/recurrent.rs), launched once
// per step with `param` = the step; one thread per (batch, hidden unit). The hidden (and cell)
// state alternate between two buffers in scratch so a step reads the previous state whole
// while it writes the next one.
RONN_KERNEL k1_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(8);
    const long long b = i / 4LL, j = i % 4LL;
    const long long t = param;
    float* hbuf = ((float*)(arena + 0));
    const float* h = param == 0 ? ((const float*)(weights + 512)) : hbuf + (param % 2) * 8LL;
    const float* hb = h + b * 4LL;
    const float* xt = ((float*)(arena + 128)) + (t * 2LL + b) * 16LL;
    const float* rt = ((const float*)(weights + 256));
    float acc[4];
    for (int g = 0; g < 4; ++g) {
        float dot = 0.0f;
        for (long long k = 0; k < 4; ++k) dot += hb[k] * rt[k * 16LL + g * 4LL + j];
        acc[g] = dot;
    }
    float* cbuf = hbuf + 2 * 8LL;
    const float c_prev = param == 0 ? ((const float*)(weights + 576))[i] : cbuf[(param % 2) * 8LL + i];
    const float gi = ronn_sigmoid(xt[j] + acc[0]);
    const float go = ronn_sigmoid(xt[4LL + j] + acc[1]);
    const float gf = ronn_sigmoid(xt[2 * 4LL + j] + acc[2]);
    const float cand = tanhf(xt[3 * 4LL + j] + acc[3]);
    const float c_new = gf * c_prev + gi * cand;
    const float h_new = go * tanhf(c_new);
    cbuf[((param + 1) % 2) * 8LL + i] = c_new;
    hbuf[((param + 1) % 2) * 8LL + i] = h_new;
    ((float*)(arena + 768))[t * 8LL + i] = c_new;
}

// node `lstm_ly/seq18` (LSTM)
// One time step of an LSTM or GRU layer (runtime-min's kernels/recurrent.rs), launched once
// per step with `param` = the step; one thread per (batch, hidden unit). The hidden (and cell)
// state alternate between two buffers in scratch so a step reads the previous state whole
// while it writes the next one.
RONN_KERNEL k4_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(8);
    const long long b = i / 4LL, j = i % 4LL;
    const long long t = param;
    float* hbuf = ((float*)(arena + 0));
    const float* h = param == 0 ? ((const float*)(weights + 512)) : hbuf + (param % 2) * 8LL;
    const float* hb = h + b * 4LL;
    const float* xt = ((float*)(arena + 128)) + (t * 2LL + b) * 16LL;
    const float* rt = ((const float*)(weights + 256));
    float acc[4];
    for (int g = 0; g < 4; ++g) {
        float dot = 0.0f;
        for (long long k = 0; k < 4; ++k) dot += hb[k] * rt[k * 16LL + g * 4LL + j];
        acc[g] = dot;
    }
    float* cbuf = hbuf + 2 * 8LL;
    const float c_prev = param == 0 ? ((const float*)(weights + 576))[i] : cbuf[(param % 2) * 8LL + i];
    const float gi = ronn_sigmoid(xt[j] + acc[0]);
    const float go = ronn_sigmoid(xt[4LL + j] + acc[1]);
    const float gf = ronn_sigmoid(xt[2 * 4LL + j] + acc[2]);
    const float cand = tanhf(xt[3 * 4LL + j] + acc[3]);
    const float c_new = gf * c_prev + gi * cand;
    const float h_new = go * tanhf(c_new);
    cbuf[((param + 1) % 2) * 8LL + i] = c_new;
    hbuf[((param + 1) % 2) * 8LL + i] = h_new;
    ((float*)(arena + 960))[t * 8LL + i] = h_new;
}

// node `gru_gy/t16` (Fused)
// Batched matrix product, one output element per thread, with a fused epilogue.
// y[.., m, n] = epilogue(sum_k a[.., m, k] * b[.., k, n]); batch dims broadcast. Half-float
// operands are widened and accumulate in f32, like the CPU kernel.
RONN_KERNEL k5_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(120);
    long long t_ = i;
    const long long c2 = t_ % 12LL; t_ /= 12LL;
    const long long c1 = t_ % 2LL; t_ /= 2LL;
    const long long c0 = t_;
    const float* a = ((float*)(arena + 960)) + c0 * 8LL + c1 * 4LL;
    const float* b = ((const float*)(weights + 640)) + 0 + c2;
    float acc = 0.0f;
    for (long long k = 0; k < 4; ++k) acc += (a[k]) * (b[k * 12LL]);
    const float x0 = acc;
    const float x1 = ((const float*)(weights + 832))[c2];
    const float x2 = ((const float*)(weights + 896))[c2];
    ((float*)(arena + 0))[i] = ((x0 + x1) + x2);
}

// node `gru_gy/seq19` (GRU)
// One time step of an LSTM or GRU layer (runtime-min's kernels/recurrent.rs), launched once
// per step with `param` = the step; one thread per (batch, hidden unit). The hidden (and cell)
// state alternate between two buffers in scratch so a step reads the previous state whole
// while it writes the next one.
RONN_KERNEL k6_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(8);
    const long long b = i / 4LL, j = i % 4LL;
    const long long t = 5LL - 1 - param;
    float* hbuf = ((float*)(arena + 1152));
    const float* h = param == 0 ? ((const float*)(weights + 1152)) : hbuf + (param % 2) * 8LL;
    const float* hb = h + b * 4LL;
    const float* xt = ((float*)(arena + 0)) + (t * 2LL + b) * 12LL;
    const float* rt = ((const float*)(weights + 960));
    float acc[3];
    for (int g = 0; g < 3; ++g) {
        float dot = 0.0f;
        for (long long k = 0; k < 4; ++k) dot += hb[k] * rt[k * 12LL + g * 4LL + j];
        acc[g] = dot;
    }
    const float z = ronn_sigmoid(xt[j] + acc[0]);
    const float r = ronn_sigmoid(xt[4LL + j] + acc[1]);
    const float lin = acc[2] + ((const float*)(weights + 1216))[j];
    const float cand = tanhf(xt[2 * 4LL + j] + r * lin);
    const float h_new = cand + z * (hb[j] - cand);
    hbuf[((param + 1) % 2) * 8LL + i] = h_new;
    ((float*)(arena + 512))[t * 8LL + i] = h_new;
}
