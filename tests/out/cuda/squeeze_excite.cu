
// node `mul_y` (SqueezeExcite)
// Squeeze-and-excitation, one of three stages per kernel (all f32):
// mean: one thread per (image, channel) sums its plane into `means`;
// dense: one thread per (image, unit) takes its row of `w` times the image's `src` vector
// (`cols` long), adds `b` and applies `expr` to x0 (the hidden units, then the gates);
// scale: one thread per element multiplies x by its channel's gate.
RONN_KERNEL k0_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(16);
    const float* x = ((float*)(arena + 0)) + i * 30LL;
    float sum = 0.0f;
    for (long long j = 0; j < 30; ++j) sum += x[j];
    ((float*)(arena + 4800))[i] = sum / (float)30;
}

// node `mul_y` (SqueezeExcite)
// Squeeze-and-excitation, one of three stages per kernel (all f32):
// mean: one thread per (image, channel) sums its plane into `means`;
// dense: one thread per (image, unit) takes its row of `w` times the image's `src` vector
// (`cols` long), adds `b` and applies `expr` to x0 (the hidden units, then the gates);
// scale: one thread per element multiplies x by its channel's gate.
RONN_KERNEL k0_1(char* arena, const char* weights, long long param) {
    RONN_GUARD(6);
    const long long img = i / 3LL, unit = i % 3LL;
    const float* w = ((const float*)(weights + 0)) + unit * 8LL;
    const float* v = ((float*)(arena + 4800)) + img * 8LL;
    float x0 = ((const float*)(weights + 128))[unit];
    for (long long k = 0; k < 8; ++k) x0 += w[k] * v[k];
    ((float*)(arena + 4864))[i] = ronn_relu(x0);
}

// node `mul_y` (SqueezeExcite)
// Squeeze-and-excitation, one of three stages per kernel (all f32):
// mean: one thread per (image, channel) sums its plane into `means`;
// dense: one thread per (image, unit) takes its row of `w` times the image's `src` vector
// (`cols` long), adds `b` and applies `expr` to x0 (the hidden units, then the gates);
// scale: one thread per element multiplies x by its channel's gate.
RONN_KERNEL k0_2(char* arena, const char* weights, long long param) {
    RONN_GUARD(16);
    const long long img = i / 8LL, unit = i % 8LL;
    const float* w = ((const float*)(weights + 192)) + unit * 3LL;
    const float* v = ((float*)(arena + 4864)) + img * 3LL;
    float x0 = ((const float*)(weights + 320))[unit];
    for (long long k = 0; k < 3; ++k) x0 += w[k] * v[k];
    ((float*)(arena + 4888))[i] = ronn_hard_sigmoid(x0, 0.16666667f, 0.5f);
}

// node `mul_y` (SqueezeExcite)
// Squeeze-and-excitation, one of three stages per kernel (all f32):
// mean: one thread per (image, channel) sums its plane into `means`;
// dense: one thread per (image, unit) takes its row of `w` times the image's `src` vector
// (`cols` long), adds `b` and applies `expr` to x0 (the hidden units, then the gates);
// scale: one thread per element multiplies x by its channel's gate.
RONN_KERNEL k0_3(char* arena, const char* weights, long long param) {
    RONN_GUARD(480);
    ((float*)(arena + 2880))[i] = ((float*)(arena + 0))[i] * ((float*)(arena + 4888))[i / 30LL];
}

// node `mul_t` (Fused)
// Squeeze-and-excitation, one of three stages per kernel (all f32):
// mean: one thread per (image, channel) sums its plane into `means`;
// dense: one thread per (image, unit) takes its row of `w` times the image's `src` vector
// (`cols` long), adds `b` and applies `expr` to x0 (the hidden units, then the gates);
// scale: one thread per element multiplies x by its channel's gate.
RONN_KERNEL k1_0(char* arena, const char* weights, long long param) {
    RONN_GUARD(16);
    const float* x = ((float*)(arena + 2880)) + i * 30LL;
    float sum = 0.0f;
    for (long long j = 0; j < 30; ++j) sum += x[j];
    ((float*)(arena + 4800))[i] = sum / (float)30;
}

// node `mul_t` (Fused)
// Squeeze-and-excitation, one of three stages per kernel (all f32):
// mean: one thread per (image, channel) sums its plane into `means`;
// dense: one thread per (image, unit) takes its row of `w` times the image's `src` vector
// (`cols` long), adds `b` and applies `expr` to x0 (the hidden units, then the gates);
// scale: one thread per element multiplies x by its channel's gate.
RONN_KERNEL k1_1(char* arena, const char* weights, long long param) {
    RONN_GUARD(6);
    const long long img = i / 3LL, unit = i % 3LL;
    const float* w = ((const float*)(weights + 384)) + unit * 8LL;
    const float* v = ((float*)(arena + 4800)) + img * 8LL;
    float x0 = ((const float*)(weights + 512))[unit];
    for (long long k = 0; k < 8; ++k) x0 += w[k] * v[k];
    ((float*)(arena + 4864))[i] = ronn_relu(x0);
}

// node `mul_t` (Fused)
// Squeeze-and-excitation, one of three stages per kernel (all f32):
// mean: one thread per (image, channel) sums its plane into `means`;
// dense: one thread per (image, unit) takes its row of `w` times the image's `src` vector
// (`cols` long), adds `b` and applies `expr` to x0 (the hidden units, then the gates);
// scale: one thread per element multiplies x by its channel's gate.
RONN_KERNEL k1_2(char* arena, const char* weights, long long param) {
    RONN_GUARD(16);
    const long long img = i / 8LL, unit = i % 8LL;
    const float* w = ((const float*)(weights + 576)) + unit * 3LL;
    const float* v = ((float*)(arena + 4864)) + img * 3LL;
    float x0 = ((const float*)(weights + 704))[unit];
    for (long long k = 0; k < 3; ++k) x0 += w[k] * v[k];
    ((float*)(arena + 4888))[i] = ronn_hard_sigmoid(x0, 0.16666667f, 0.5f);
}

// node `mul_t` (Fused)
// Squeeze-and-excitation, one of three stages per kernel (all f32):
// mean: one thread per (image, channel) sums its plane into `means`;
// dense: one thread per (image, unit) takes its row of `w` times the image's `src` vector
// (`cols` long), adds `b` and applies `expr` to x0 (the hidden units, then the gates);
// scale: one thread per element multiplies x by its channel's gate.
RONN_KERNEL k1_3(char* arena, const char* weights, long long param) {
    RONN_GUARD(480);
    ((float*)(arena + 4952))[i] = ((float*)(arena + 2880))[i] * ((float*)(arena + 4888))[i / 30LL];
}

// node `mul_t` (Fused)
// Direct N-d convolution (NC... layout, grouped), one output element per thread, with a fused
// epilogue. Coordinates: c0 batch, c1 output channel, c2.. output position.
RONN_KERNEL k1_4(char* arena, const char* weights, long long param) {
    RONN_GUARD(240);
    long long t_ = i;
    const long long c3 = t_ % 6LL; t_ /= 6LL;
    const long long c2 = t_ % 5LL; t_ /= 5LL;
    const long long c1 = t_ % 4LL; t_ /= 4LL;
    const long long c0 = t_;
    const long long group = c1 / 4;
    const float* x = ((float*)(arena + 4952)) + (c0 * 8LL + group * 8LL) * 30LL;
    const float* w = ((const float*)(weights + 768)) + c1 * 8LL * 1LL;
    float acc = ((const float*)(weights + 896))[c1];
    for (long long ci = 0; ci < 8; ++ci, x += 30LL, w += 1LL) {
        for (long long k0 = 0; k0 < 1; ++k0) {
            const long long p0 = c2 * 1LL - 0LL + k0 * 1LL;
            const int in0 = p0 >= 0 && p0 < 5LL;
            for (long long k1 = 0; k1 < 1; ++k1) {
                const long long p1 = c3 * 1LL - 0LL + k1 * 1LL;
                const int in1 = p1 >= 0 && p1 < 6LL;
                if (in0 && in1) { const long long pos = p0 * 6LL + p1; acc += x[pos] * w[k0 + k1]; }
            }
        }
    }
    const float x0 = acc;
    const float x1 = ((float*)(arena + 1920))[i];
    ((float*)(arena + 0))[i] = (x0 + x1);
}
