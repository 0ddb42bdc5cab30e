// Generated from Unicode 17.0 by tests/unit/word-ranges.generate.mjs; tests/unit/chars.test.ts
// checks every BMP code unit against the regular expressions these ranges replace. Ranges are
// "start" or "start-length" in base 36, start being the first code unit and length the count after it.

/** Letters, marks and decimal digits (\p{L}, \p{M}, \p{Nd}) in the BMP. */
export const WORD_RANGES =
  '1c-9,1t-p,2p-p,4q,51,56,5c-m,60-u,6w-cp,jq-b,kg-4,ks,ku,lc-38,om-1,oq-3,ov,p2,p4-2,p8,pa-j,pv-2a,' +
  's7-3u,w3-4s,10x-11,121,128-14,13l-18,14v,14x-1,150-1,153,15c-q,167-3,174-a,17k-21,19q-2t,1cl-7,' +
  '1cv-9,1d6-i,1dr,1e8-1m,1fx-2s,1j4-1h,1kq,1kt,1kw-19,1mo-r,1nk-a,1o0-n,1op-6,1p3-22,1r7-3k,1uu-9,' +
  '1v5-i,1vp-7,1vz-1,1w3-l,1wq-6,1wy,1x2-3,1x8-8,1xj-1,1xn-3,1xz,1y4-1,1y7-4,1ye-b,1z0,1z2,1z5-2,' +
  '1z9-5,1zj-1,1zn-l,20a-6,20i-1,20l-1,20o-1,20s,20u-4,213-1,217-2,21d,21l-3,21q,21y-f,22p-2,22t-8,' +
  '233-2,237-l,23u-6,242-1,245-4,24c-9,24n-2,24r-2,24w,25c-3,25i-9,261-6,269-2,26d-7,26n-1,26r-l,' +
  '27e-6,27m-1,27p-4,27w-8,287-1,28b-2,28l-2,28s-1,28v-4,292-9,29d,29u-1,29x-5,2a6-2,2aa-3,2ah-1,' +
  '2ak,2am-1,2ar-1,2aw-2,2b2-b,2bi-4,2bq-2,2bu-3,2c0,2c7,2cm-9,2dc-c,2dq-2,2du-m,2ei-f,2f0-8,2fa-2,' +
  '2fe-3,2fp-1,2fs-2,2fw-1,2g0-3,2g6-9,2gw-3,2h1-7,2ha-2,2he-m,2i2-9,2id-4,2ik-8,2iu-2,2iy-3,2j9-1,' +
  '2jg-2,2jk-3,2jq-9,2k1-2,2kg-c,2ku-2,2ky-1e,2me-2,2mi-4,2ms-3,2n3-4,2na-9,2nu-5,2o1-2,2o5-h,2oq-n,' +
  '2pf-8,2pp,2ps-6,2q2,2q7-5,2qe,2qg-7,2qu-9,2r6-1,2rl-1l,2tc-e,2ts-9,2v5-1,2v8,2va-4,2vg-n,2w5,' +
  '2w7-m,2ww-4,2x2,2x4-6,2xc-9,2xo-3,2yo,2zc-1,2zk-9,305,307,309,30e-9,30p-z,31t-j,32e-h,32x-z,346,' +
  '35s-21,380-25,3a8-11,3bb,3bh,3bk-16,3cs-98,3m2-3,3m8-6,3mg,3mi-3,3mo-14,3nu-3,3o0-w,3oy-3,3p4-6,' +
  '3pc,3pe-3,3pk-e,3q0-1k,3rm-3,3rs-1u,3tp-2,3uo-f,3vk-2d,3y0-5,3y9-h7,4fj-g,4g1-p,4gw-22,4j5-7,' +
  '4jk-l,4kf-l,4lc-j,4m8-c,4mm-2,4mq-1,4n4-2b,4pj,4po-1,4ps-9,4qz-2,4r3-a,4rk-2g,4u8-16,4vk-1x,' +
  '4xs-u,4yo-b,4z4-b,4zq-13,50w-4,51c-17,52o-p,53k-9,54w-r,55s-1q,57k-s,58f-a,58w-9,59j,59s-19,' +
  '5b4-b,5c0-24,5e8-9,5ez-8,5fk-37,5j4-1j,5kw-9,5l9-1c,5mo-a,5n4-16,5od-2,5ow-2,5p0-12,5q8-et,654-5,' +
  '65c-11,66g-5,66o-7,66x,66z,671,673-u,680-1g,69i-6,69q,69u-2,69y-6,6a8-3,6ae-5,6ao-c,6b6-2,6ba-6,' +
  '6ep,6f3,6fk-c,6hc-w,6iq,6iv,6iy-9,6j9,6jd-4,6jo,6jq,6js,6ju-3,6jz-a,6kc-3,6kl-4,6ku,6mb-1,8ow-6c,' +
  '8vf-8,8w0-11,8x3,8x9,8xc-1j,8z3,8zj-n,90g-6,90o-6,90w-6,914-6,91c-6,91k-6,91s-6,920-6,928-v,94f,' +
  '9hh-1,9ii-5,9ip-4,9iz-1,9j5-2d,9ll-1,9lp-2,9lt-2h,9oc-3,9ol-16,9pt-2l,9sw-v,9v4-f,a9s-533,' +
  'feo-h3g,wk0-19,wlc-7g,wsw-r,wu8-1e,wvo-9,wvz-2u,wz4-1,x07-8,x0i-2u,x3f-29,x69-1i,x7w,x8g-1f,' +
  'xa8-1x,xcg-9,xcw-n,xdn,xdp-1c,xf4-z,xgg-s,xhc-1s,xjj-a,xk0-u,xkw-1i,xmo-d,xn4-9,xnk-m,xoa-20,' +
  'xqz-2,xr4-f,xrm-4,xs1-5,xs9-5,xsh-5,xsw-6,xt4-6,xtc-16,xuk-d,xv4-3e,xyk-1,xyo-9,xz4-8mb,16ls-m,' +
  '16mj-1c,1d6o-a5,1dgw-2x,1dkw-6,1dlf-4,1dlp-b,1dm2-c,1dmg-4,1dmm,1dmo-1,1dmr-1,1dmu-2z,1dqr-a2,' +
  '1e1c-1r,1e36-1h,1e5s-b,1e68-f,1e74-f,1e9c-4,1e9i-3q,1eds-9,1ee9-p,1ef5-p,1eg6-2g,1eiq-5,1eiy-5,' +
  '1ej6-5,1eje-2';

/** Of those, the ones in scripts written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar). */
export const SOLO_RANGES =
  'lh,mb,2rl-1l,2tc-e,2ts-9,2v5-1,2v8,2va-4,2vg-n,2w5,2w7-m,2ww-4,2x2,2x4-6,2xc-9,2xo-3,35s-21,' +
  '380-25,4n4-2b,4pj,4po-1,4ps-9,9hh-1,9ii-3,9ip-4,9iz-1,9j5-2d,9ll-1,9lp-2,9lt-2h,9oc-3,9v4-f,' +
  'a9s-533,feo-g73,xk0-u,xnk-m,xoa-5,1d6o-a5,1dgw-2x,1eg6-1l';
