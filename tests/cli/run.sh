#!/usr/bin/env bash
# Golden tests of the command line: standard output to the byte, the exit status, and the
# first line of standard error, for every subcommand and output format, on the fixed pack in
# packs/. Usage: run.sh REPLYLINT [--update] (--update rewrites golden/ from the binary).
set -uo pipefail
bin=$(realpath "${1:?replylint binary}")
update=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

# golden NAME EXIT STDIN-FILE ARGS...: stdout must equal golden/NAME.out, the status EXIT.
golden() {
  local name=$1 want=$2 input=$3
  shift 3
  "$bin" "$@" <"$input" >"$tmp/raw" 2>"$tmp/err"
  local got=$?
  # The tool's version is in SARIF output; keep the goldens free of it.
  sed -e 's/"semanticVersion": "[^"]*"/"semanticVersion": "VERSION"/' "$tmp/raw" >"$tmp/out"
  if [ "$update" = --update ] && [ "$got" = "$want" ]; then cp "$tmp/out" "golden/$name.out"; fi
  if [ "$got" != "$want" ]; then
    echo "FAIL $name: exit $got, expected $want"; head -3 "$tmp/err"; failed=$((failed + 1)); return
  fi
  if ! diff -u "golden/$name.out" "$tmp/out" >"$tmp/diff"; then
    echo "FAIL $name: stdout differs from golden/$name.out"; head -40 "$tmp/diff"; failed=$((failed + 1)); return
  fi
  passed=$((passed + 1))
}

# stderr_has NAME EXIT TEXT ARGS...: the status is EXIT and standard error contains TEXT.
stderr_has() {
  local name=$1 want=$2 text=$3
  shift 3
  "$bin" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" != "$want" ] || ! grep -qF -- "$text" "$tmp/err"; then
    echo "FAIL $name: exit $got (expected $want), stderr:"; head -5 "$tmp/err"
    echo "  expected it to contain: $text"; failed=$((failed + 1)); return
  fi
  passed=$((passed + 1))
}

printf '您好，请问有什么可以帮您？\r\n加我微.信吧，电话 138-1234-5678\n\n\xff支持微信支付\xfe\n您的电话138****5678\n不能加微信，不过ＶＸ是abc' >"$tmp/lines.txt"
printf '第一行\n加我 微信\n第三行\n' >"$tmp/multi.txt"

golden check-text 1 /dev/null check --rules packs "亲,加我微.信 abc12345" "您好" "电话 138 1234 5678，微信 abc"
golden check-clean 0 /dev/null check --rules packs "您好，欢迎光临" "支持微信支付"
golden check-lines-text 1 "$tmp/lines.txt" check --rules packs --lines
golden check-lines-jsonl 1 "$tmp/lines.txt" check --rules packs --lines --format jsonl
golden check-show-matches 1 /dev/null check --rules packs --show-matches --format jsonl "电话 138 1234 5678"
# Digit forms that only the fold table knows are masked like any digit (issue 12).
golden check-masked-digit-forms 1 /dev/null check --rules packs --format jsonl "电话⑴⑶⑻⑴⑵⑶⑷⑸⑹⑺⑻" "电话𝟏𝟑𝟖𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖"
golden check-json 1 /dev/null check --rules packs --format json "加我微信" "您好"
golden check-stdin 1 "$tmp/multi.txt" check --rules packs --stdin --format jsonl
golden check-empty-stdin 0 /dev/null check --rules packs --lines --format jsonl
golden rules-list 0 /dev/null rules list --rules packs

# The buyer's message as context (../context_pack: shop.qq-consent needs a buyer who asked for a
# QQ; shop.name and shop.id-number are one platform rule, counted once).
C=(--rules ../context_pack)
printf '%s\n' '{"reply": "有的，稍等", "buyer": "有QQ吗？"}' '{"buyer": "有现货吗？", "reply": "有的，稍等"}' \
  '{"reply": "有的，稍等"}' '{"reply": "有的" "buyer": "qq"}' '["有的"]' '{"reply": 5}' '{"reply": "好的", "buyer": null}' \
  '{"buyer": "qq"}' '{"reply": "好的", "buyer": "QQ号发我", "id": 7}' '{"reply": "好的，我发您", "buyer": "加个扣扣"}' \
  '{"reply": "买家叫李四，他的身份证号是110105194912310021"}' >"$tmp/context.jsonl"
golden check-buyer-text 1 /dev/null check "${C[@]}" --buyer "有QQ吗？" "有的，稍等" "亲，我们只在旺旺上服务哦" "好的"
golden check-buyer-jsonl 1 /dev/null check "${C[@]}" --buyer "有QQ吗？" --format jsonl "有的，稍等" "亲，我们只在旺旺上服务哦"
golden check-no-buyer 0 /dev/null check "${C[@]}" "有的，稍等"
golden check-other-buyer 0 /dev/null check "${C[@]}" --buyer "有现货吗" "有的，稍等"
golden check-counted-text 1 /dev/null check "${C[@]}" "买家叫李四，他的身份证号是110105194912310021"
golden check-counted-json 1 /dev/null check "${C[@]}" --format json "买家叫李四，他的身份证号是110105194912310021"
golden check-jsonl-text 2 "$tmp/context.jsonl" check "${C[@]}" --jsonl
golden check-jsonl-jsonl 2 "$tmp/context.jsonl" check "${C[@]}" --jsonl --format jsonl
golden explain-buyer 0 /dev/null explain shop.qq-consent "${C[@]}"

# check prints every format lint does, through the same printers (issue 12): SARIF (also
# validated against the schema by ../lint/sarif.sh), GitHub annotations and JUnit, with the
# buyer's message, counted-once, lines of --lines (with columns), --jsonl (without) and
# arguments (no file at all), and errors.
golden check-sarif-lines 1 "$tmp/lines.txt" check --rules packs --lines --format sarif
golden check-sarif-jsonl 2 "$tmp/context.jsonl" check "${C[@]}" --jsonl --format sarif
golden check-github 1 /dev/null check "${C[@]}" --buyer "有QQ吗？" --format github "有的，稍等" "好的" "买家叫李四，他的身份证号是110105194912310021"
golden check-github-lines 1 "$tmp/lines.txt" check --rules packs --lines --format github
golden check-junit 2 "$tmp/context.jsonl" check "${C[@]}" --jsonl --format junit
golden rules-test 0 /dev/null rules test packs
golden rules-test-failing 1 /dev/null rules test failing
golden explain 0 /dev/null explain demo.phone --rules packs

stderr_has no-reply 2 "no reply to check" check --rules packs
stderr_has both-inputs 2 "not both" check --rules packs --lines "text"
stderr_has stdin-and-lines 2 "excludes" check --rules packs --lines --stdin
stderr_has bad-format 2 "--format" check --rules packs --format xml "a"
stderr_has no-subcommand 2 "subcommand" 
stderr_has unknown-rule 2 "unknown rule 'demo.qq'" explain demo.qq --rules packs
stderr_has broken-pack 2 "broken/demo.yaml:14:9: error: bad pattern '(微信': missing ): (微信 [demo.wechat]" check --rules broken "a"
stderr_has own-example 2 "contradicts/demo.yaml:17:17: error: the rule flags its own compliant example at '微信' [demo.wechat]" rules test contradicts
stderr_has missing-dir 2 "Directory does not exist" check --rules no-such-dir "a"
stderr_has buyer-and-jsonl 2 "excludes" check --rules packs --jsonl --buyer "qq"
stderr_has jsonl-and-lines 2 "excludes" check --rules packs --jsonl --lines
stderr_has jsonl-and-text 2 "not both" check --rules packs --jsonl "text"
"$bin" --help >"$tmp/out" 2>&1 && grep -q "Exit status: 0 no violations" "$tmp/out" && grep -q "check" "$tmp/out" \
  && passed=$((passed + 1)) || { echo "FAIL help"; failed=$((failed + 1)); }

# A reply over the length limit is an error for that line only; the others are still checked.
{ echo "加我微信"; head -c 1100000 /dev/zero | tr '\0' 'a'; echo; echo "您好"; } >"$tmp/long.txt"
"$bin" check --rules packs --lines --format jsonl <"$tmp/long.txt" >"$tmp/out" 2>"$tmp/err"
status=$?
if [ $status = 2 ] && [ "$(wc -l <"$tmp/out")" = 3 ] && grep -q '"line":2,.*"error":"reply is 1100000 bytes' "$tmp/out" \
   && grep -q '^{"line":3,"points":0,"violations":\[\]}$' "$tmp/out" && grep -q 'line 2: error' "$tmp/err"; then
  passed=$((passed + 1))
else
  echo "FAIL too-long: exit $status"; cat "$tmp/out" | cut -c1-200; failed=$((failed + 1))
fi

# A malformed --jsonl line is an error naming its line; the other lines are still checked.
"$bin" check "${C[@]}" --jsonl <"$tmp/context.jsonl" >/dev/null 2>"$tmp/err"
if [ "$(grep -c ': error: ' "$tmp/err")" = 5 ] && grep -qF 'line 4: error: not a JSON line: malformed at byte 26' "$tmp/err" \
   && grep -qF 'line 5: error: not a JSON object' "$tmp/err" && grep -qF 'line 6: error: "reply" must be a string' "$tmp/err" \
   && grep -qF 'line 8: error: missing key "reply"' "$tmp/err" && grep -qF 'line 9: error: unknown key "id"' "$tmp/err"; then
  passed=$((passed + 1))
else
  echo "FAIL jsonl-errors:"; cat "$tmp/err"; failed=$((failed + 1))
fi

# A reader that goes away is not an error: no signal, no message.
yes "加我微信" | head -n 100000 >"$tmp/many.txt"
"$bin" check --rules packs --lines --format jsonl <"$tmp/many.txt" 2>"$tmp/err" | head -n 1 >/dev/null
status=${PIPESTATUS[0]}
if [ "$status" = 1 ] && [ ! -s "$tmp/err" ]; then passed=$((passed + 1)); else echo "FAIL broken-pipe: exit $status"; cat "$tmp/err"; failed=$((failed + 1)); fi

# More threads, same output in the same order (several batches, a mix of clean and flagged).
for i in $(seq 1 20000); do case $((i % 7)) in 0) echo "加我微信 $i";; 3) echo "电话 138 0000 $(printf %04d $((i % 10000)))";; *) echo "您好 $i";; esac; done >"$tmp/mixed.txt"
"$bin" check --rules packs --lines --format jsonl <"$tmp/mixed.txt" >"$tmp/one.jsonl"
"$bin" check --rules packs --lines --format jsonl --threads 3 <"$tmp/mixed.txt" >"$tmp/three.jsonl"
if cmp -s "$tmp/one.jsonl" "$tmp/three.jsonl" && [ "$(wc -l <"$tmp/one.jsonl")" = 20000 ]; then passed=$((passed + 1)); else echo "FAIL threads: output differs"; failed=$((failed + 1)); fi
# The same for --jsonl, buyers included.
for i in $(seq 1 20000); do case $((i % 5)) in 0) echo "{\"reply\": \"有的 $i\", \"buyer\": \"有QQ吗\"}";; 1) echo "{\"reply\": \"有的 $i\"}";; 2) echo "not json $i";; *) echo "{\"reply\": \"您好 $i\", \"buyer\": \"在吗\"}";; esac; done >"$tmp/mixed-context.jsonl"
"$bin" check "${C[@]}" --jsonl --format jsonl <"$tmp/mixed-context.jsonl" >"$tmp/one.jsonl" 2>/dev/null
"$bin" check "${C[@]}" --jsonl --format jsonl --threads 3 <"$tmp/mixed-context.jsonl" >"$tmp/three.jsonl" 2>/dev/null
if cmp -s "$tmp/one.jsonl" "$tmp/three.jsonl" && [ "$(wc -l <"$tmp/one.jsonl")" = 20000 ] \
   && [ "$(grep -c '"rule":"shop.qq-consent"' "$tmp/one.jsonl")" = 4000 ]; then passed=$((passed + 1)); else echo "FAIL jsonl threads: output differs"; failed=$((failed + 1)); fi

# Printers that keep the whole run (SARIF, JUnit) get the replies in input order, whatever the threads.
for f in sarif junit github; do
  "$bin" check "${C[@]}" --jsonl --format $f <"$tmp/mixed-context.jsonl" >"$tmp/one.out" 2>/dev/null
  "$bin" check "${C[@]}" --jsonl --format $f --threads 3 <"$tmp/mixed-context.jsonl" >"$tmp/three.out" 2>/dev/null
  if [ -s "$tmp/one.out" ] && cmp -s "$tmp/one.out" "$tmp/three.out" && [ "$(grep -c 'shop.qq-consent' "$tmp/one.out")" -ge 4000 ]; then
    passed=$((passed + 1)); else echo "FAIL $f threads: output differs"; failed=$((failed + 1)); fi
done

echo "cli: $passed passed, $failed failed"
[ "$failed" = 0 ]
