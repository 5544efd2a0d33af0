;; The head network's layers in WebAssembly (dense-network.ts lays out the memory and calls it).
;; `npm run build:wasm` compiles this file into dense-kernel-wasm.ts; a unit test checks the two agree.
;; Engines without WebAssembly's SIMD run dense-kernel-scalar.wat instead (the same results).
;;
;; Memory (byte addresses, little-endian f64):
;;   0..511     2^(j/64), j = 0..63      (written by dense-kernel.ts)
;;   512..1023  2^-i, i = 0..63          (written by dense-kernel.ts)
;;   above      each layer's weights, biases and activations, placed by dense-network.ts.
;;
;; Every sum is the one the plain product gives, term by term in input order: each output is one
;; lane of an f64x2 accumulator, and WebAssembly's SIMD has no fused multiply-add, so the products
;; and sums are rounded exactly as scalar code rounds them.
(module
  (memory (export "memory") 1)

  (global $STEPS_PER_LN f64 (f64.const 92.33248261689366))     ;; 64 / ln 2
  (global $LN_PER_STEP f64 (f64.const 0.010830424696249145))   ;; ln 2 / 64

  ;; tanh in plain arithmetic: tanh|x| = (1 − e)/(1 + e) with e = exp(−2|x|) ≤ 1, and
  ;; exp(y) = 2^(k/64) · exp(r), k = round(64·y/ln 2), |r| ≤ ln 2/128, exp(r) by its Taylor
  ;; polynomial to r⁵ (truncation < 4e-17); within 4e-16 of Math.tanh. Two lanes at once: only the
  ;; two table reads are per lane. ±1 from |x| ≥ 19, where tanh rounds to ±1 (those lanes compute
  ;; on |x| = 19, inside the tables, and are then replaced); NaN stays NaN.
  (func $tanh2 (param $x v128) (result v128)
    (local $a v128) (local $y v128) (local $kf v128) (local $k v128) (local $r v128) (local $p v128) (local $e v128) (local $t v128)
    (local $k0 i32) (local $k1 i32)
    (local.set $a (f64x2.abs (local.get $x)))
    (local.set $y (f64x2.mul (f64x2.splat (f64.const -2)) (f64x2.min (local.get $a) (f64x2.splat (f64.const 19)))))
    ;; k = round(y · 64/ln 2); y ≤ 0, where floor(v + 0.5) is exact and equals JavaScript's Math.round.
    (local.set $kf (f64x2.floor (f64x2.add (f64x2.mul (local.get $y) (f64x2.splat (global.get $STEPS_PER_LN))) (f64x2.splat (f64.const 0.5)))))
    (local.set $k (i32x4.trunc_sat_f64x2_s_zero (local.get $kf)))
    (local.set $r (f64x2.sub (local.get $y) (f64x2.mul (local.get $kf) (f64x2.splat (global.get $LN_PER_STEP)))))
    (local.set $p
      (f64x2.add (f64x2.splat (f64.const 1)) (f64x2.mul (local.get $r)
      (f64x2.add (f64x2.splat (f64.const 1)) (f64x2.mul (local.get $r)
      (f64x2.add (f64x2.splat (f64.const 0.5)) (f64x2.mul (local.get $r)
      (f64x2.add (f64x2.splat (f64.const 0.16666666666666666)) (f64x2.mul (local.get $r)
      (f64x2.add (f64x2.splat (f64.const 0.041666666666666664)) (f64x2.mul (local.get $r) (f64x2.splat (f64.const 0.008333333333333333)))))))))))))
    ;; k = 64·(k >> 6) + (k & 63): 2^-(−(k >> 6)) from the second table, 2^((k & 63)/64) from the first.
    (local.set $k0 (i32x4.extract_lane 0 (local.get $k)))
    (local.set $k1 (i32x4.extract_lane 1 (local.get $k)))
    (local.set $e
      (f64x2.mul
        (f64x2.replace_lane 1
          (f64x2.splat
            (f64.mul
              (f64.load offset=512 (i32.shl (i32.sub (i32.const 0) (i32.shr_s (local.get $k0) (i32.const 6))) (i32.const 3)))
              (f64.load (i32.shl (i32.and (local.get $k0) (i32.const 63)) (i32.const 3)))))
          (f64.mul
            (f64.load offset=512 (i32.shl (i32.sub (i32.const 0) (i32.shr_s (local.get $k1) (i32.const 6))) (i32.const 3)))
            (f64.load (i32.shl (i32.and (local.get $k1) (i32.const 63)) (i32.const 3)))))
        (local.get $p)))
    (local.set $t (f64x2.div (f64x2.sub (f64x2.splat (f64.const 1)) (local.get $e)) (f64x2.add (f64x2.splat (f64.const 1)) (local.get $e))))
    ;; x < 0 ? −t : t, then the saturated lanes: NaN stays, otherwise 1 with x's sign.
    (local.set $t (v128.bitselect (f64x2.neg (local.get $t)) (local.get $t) (f64x2.lt (local.get $x) (f64x2.splat (f64.const 0)))))
    (v128.bitselect
      (local.get $t)
      (v128.bitselect
        (local.get $x)
        (v128.or (v128.and (local.get $x) (v128.const i64x2 0x8000000000000000 0x8000000000000000)) (f64x2.splat (f64.const 1)))
        (f64x2.ne (local.get $x) (local.get $x)))
      (f64x2.lt (local.get $a) (f64x2.splat (f64.const 19)))))

  ;; tanh in place on the f64 values from byte $at up to $end (an even count: layers are padded to 8).
  (func $squash (export "squash") (param $at i32) (param $end i32)
    (block $done
      (loop $each_pair
        (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
        (v128.store (local.get $at) (call $tanh2 (v128.load (local.get $at))))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br $each_pair))))

  ;; One layer: y[o] = act(bias[o] + Σᵢ W[o][i] · x[i]) for `blocks` blocks of 8 outputs.
  ;; $w: the block's rows interleaved, w[(b·n + i)·8 + j] = W[8b + j][i]; $bias: 8·blocks values;
  ;; $x: n inputs; $y: 8·blocks outputs; $squash ≠ 0: act = tanh, otherwise the identity.
  (func (export "dense") (param $w i32) (param $bias i32) (param $x i32) (param $y i32) (param $n i32) (param $blocks i32) (param $squash i32)
    (local $b i32) (local $i i32) (local $xp i32) (local $xi v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $outputs i32)
    (local.set $outputs (local.get $y))
    (block $blocks_done
      (loop $each_block
        (br_if $blocks_done (i32.ge_u (local.get $b) (local.get $blocks)))
        (local.set $a0 (v128.const i64x2 0 0))
        (local.set $a1 (v128.const i64x2 0 0))
        (local.set $a2 (v128.const i64x2 0 0))
        (local.set $a3 (v128.const i64x2 0 0))
        (local.set $i (i32.const 0))
        (local.set $xp (local.get $x))
        (block $inputs_done
          (loop $each_input
            (br_if $inputs_done (i32.ge_u (local.get $i) (local.get $n)))
            (local.set $xi (v128.load64_splat (local.get $xp)))
            (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (v128.load (local.get $w)) (local.get $xi))))
            (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (v128.load offset=16 (local.get $w)) (local.get $xi))))
            (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (v128.load offset=32 (local.get $w)) (local.get $xi))))
            (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (v128.load offset=48 (local.get $w)) (local.get $xi))))
            (local.set $w (i32.add (local.get $w) (i32.const 64)))
            (local.set $xp (i32.add (local.get $xp) (i32.const 8)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $each_input)))
        (v128.store (local.get $y) (f64x2.add (v128.load (local.get $bias)) (local.get $a0)))
        (v128.store offset=16 (local.get $y) (f64x2.add (v128.load offset=16 (local.get $bias)) (local.get $a1)))
        (v128.store offset=32 (local.get $y) (f64x2.add (v128.load offset=32 (local.get $bias)) (local.get $a2)))
        (v128.store offset=48 (local.get $y) (f64x2.add (v128.load offset=48 (local.get $bias)) (local.get $a3)))
        (local.set $y (i32.add (local.get $y) (i32.const 64)))
        (local.set $bias (i32.add (local.get $bias) (i32.const 64)))
        (local.set $b (i32.add (local.get $b) (i32.const 1)))
        (br $each_block)))
    (if (local.get $squash) (then (call $squash (local.get $outputs) (local.get $y))))))
