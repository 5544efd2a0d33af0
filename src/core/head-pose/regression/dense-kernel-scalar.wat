;; dense-kernel.wat without SIMD, for engines that lack WebAssembly's SIMD (Safari before 16.4):
;; the same exports, memory map and operations, one number at a time, so its results are those of
;; dense-kernel.wat bit for bit (tests/unit/core/head-pose/regression/dense-kernel.test.ts).
;; `npm run build:wasm` compiles it into dense-kernel-scalar-wasm.ts.
(module
  (memory (export "memory") 1)

  (global $STEPS_PER_LN f64 (f64.const 92.33248261689366))     ;; 64 / ln 2
  (global $LN_PER_STEP f64 (f64.const 0.010830424696249145))   ;; ln 2 / 64

  ;; tanh as in dense-kernel.wat's $tanh2, on one number.
  (func $tanh (param $x f64) (result f64)
    (local $a f64) (local $y f64) (local $kf f64) (local $k i32) (local $r f64) (local $p f64) (local $e f64) (local $t f64)
    (local.set $a (f64.abs (local.get $x)))
    (if (i32.eqz (f64.lt (local.get $a) (f64.const 19)))
      (then
        (if (f64.ne (local.get $x) (local.get $x)) (then (return (local.get $x))))
        (return (f64.copysign (f64.const 1) (local.get $x)))))
    (local.set $y (f64.mul (f64.const -2) (local.get $a)))
    (local.set $kf (f64.floor (f64.add (f64.mul (local.get $y) (global.get $STEPS_PER_LN)) (f64.const 0.5))))
    (local.set $k (i32.trunc_f64_s (local.get $kf)))
    (local.set $r (f64.sub (local.get $y) (f64.mul (local.get $kf) (global.get $LN_PER_STEP))))
    (local.set $p
      (f64.add (f64.const 1) (f64.mul (local.get $r)
      (f64.add (f64.const 1) (f64.mul (local.get $r)
      (f64.add (f64.const 0.5) (f64.mul (local.get $r)
      (f64.add (f64.const 0.16666666666666666) (f64.mul (local.get $r)
      (f64.add (f64.const 0.041666666666666664) (f64.mul (local.get $r) (f64.const 0.008333333333333333))))))))))))
    (local.set $e
      (f64.mul
        (f64.mul
          (f64.load offset=512 (i32.shl (i32.sub (i32.const 0) (i32.shr_s (local.get $k) (i32.const 6))) (i32.const 3)))
          (f64.load (i32.shl (i32.and (local.get $k) (i32.const 63)) (i32.const 3))))
        (local.get $p)))
    (local.set $t (f64.div (f64.sub (f64.const 1) (local.get $e)) (f64.add (f64.const 1) (local.get $e))))
    (if (result f64) (f64.lt (local.get $x) (f64.const 0))
      (then (f64.neg (local.get $t)))
      (else (local.get $t))))

  ;; tanh in place on the f64 values from byte $at up to $end.
  (func $squash (export "squash") (param $at i32) (param $end i32)
    (block $done
      (loop $each_value
        (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
        (f64.store (local.get $at) (call $tanh (f64.load (local.get $at))))
        (local.set $at (i32.add (local.get $at) (i32.const 8)))
        (br $each_value))))

  ;; One layer, as dense-kernel.wat's `dense` (the same parameters and layout): each block's eight
  ;; outputs summed in eight accumulators, input by input.
  (func (export "dense") (param $w i32) (param $bias i32) (param $x i32) (param $y i32) (param $n i32) (param $blocks i32) (param $squash i32)
    (local $b i32) (local $i i32) (local $xp i32) (local $xi f64) (local $outputs i32)
    (local $a0 f64) (local $a1 f64) (local $a2 f64) (local $a3 f64) (local $a4 f64) (local $a5 f64) (local $a6 f64) (local $a7 f64)
    (local.set $outputs (local.get $y))
    (block $blocks_done
      (loop $each_block
        (br_if $blocks_done (i32.ge_u (local.get $b) (local.get $blocks)))
        (local.set $a0 (f64.const 0)) (local.set $a1 (f64.const 0)) (local.set $a2 (f64.const 0)) (local.set $a3 (f64.const 0))
        (local.set $a4 (f64.const 0)) (local.set $a5 (f64.const 0)) (local.set $a6 (f64.const 0)) (local.set $a7 (f64.const 0))
        (local.set $i (i32.const 0))
        (local.set $xp (local.get $x))
        (block $inputs_done
          (loop $each_input
            (br_if $inputs_done (i32.ge_u (local.get $i) (local.get $n)))
            (local.set $xi (f64.load (local.get $xp)))
            (local.set $a0 (f64.add (local.get $a0) (f64.mul (f64.load (local.get $w)) (local.get $xi))))
            (local.set $a1 (f64.add (local.get $a1) (f64.mul (f64.load offset=8 (local.get $w)) (local.get $xi))))
            (local.set $a2 (f64.add (local.get $a2) (f64.mul (f64.load offset=16 (local.get $w)) (local.get $xi))))
            (local.set $a3 (f64.add (local.get $a3) (f64.mul (f64.load offset=24 (local.get $w)) (local.get $xi))))
            (local.set $a4 (f64.add (local.get $a4) (f64.mul (f64.load offset=32 (local.get $w)) (local.get $xi))))
            (local.set $a5 (f64.add (local.get $a5) (f64.mul (f64.load offset=40 (local.get $w)) (local.get $xi))))
            (local.set $a6 (f64.add (local.get $a6) (f64.mul (f64.load offset=48 (local.get $w)) (local.get $xi))))
            (local.set $a7 (f64.add (local.get $a7) (f64.mul (f64.load offset=56 (local.get $w)) (local.get $xi))))
            (local.set $w (i32.add (local.get $w) (i32.const 64)))
            (local.set $xp (i32.add (local.get $xp) (i32.const 8)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $each_input)))
        (f64.store (local.get $y) (f64.add (f64.load (local.get $bias)) (local.get $a0)))
        (f64.store offset=8 (local.get $y) (f64.add (f64.load offset=8 (local.get $bias)) (local.get $a1)))
        (f64.store offset=16 (local.get $y) (f64.add (f64.load offset=16 (local.get $bias)) (local.get $a2)))
        (f64.store offset=24 (local.get $y) (f64.add (f64.load offset=24 (local.get $bias)) (local.get $a3)))
        (f64.store offset=32 (local.get $y) (f64.add (f64.load offset=32 (local.get $bias)) (local.get $a4)))
        (f64.store offset=40 (local.get $y) (f64.add (f64.load offset=40 (local.get $bias)) (local.get $a5)))
        (f64.store offset=48 (local.get $y) (f64.add (f64.load offset=48 (local.get $bias)) (local.get $a6)))
        (f64.store offset=56 (local.get $y) (f64.add (f64.load offset=56 (local.get $bias)) (local.get $a7)))
        (local.set $y (i32.add (local.get $y) (i32.const 64)))
        (local.set $bias (i32.add (local.get $bias) (i32.const 64)))
        (local.set $b (i32.add (local.get $b) (i32.const 1)))
        (br $each_block)))
    (if (local.get $squash) (then (call $squash (local.get $outputs) (local.get $y))))))
