#!/usr/bin/env bash
# End to end through the real pre-commit (Debian package `pre-commit`): a temporary git
# repository holds a script library and a .pre-commit-config.yaml that uses this checkout's
# .pre-commit-hooks.yaml; `git commit` must fail on the bad replies, naming FILE:LINE:COLUMN,
# and pass once one is fixed, one is suppressed inline with a reason and one is accepted in the
# ignore file by the hash replylint printed.
#
# Offline: the hook's repository is a local git repository made here from this checkout's
# .pre-commit-hooks.yaml (pre-commit clones it by path, no network), the hook is
# `language: system`, and the freshly built replylint is first on PATH. HOME, PRE_COMMIT_HOME
# and git's global config point into a temporary folder, so nothing of the user's is touched.
# The library is checked against tests/lint/packs/ (through pack_dirs), not the shipped packs.
# Usage: precommit_e2e.sh REPLYLINT SOURCE_DIR
set -uo pipefail
bin=$(realpath "${1:?replylint binary}")
src=$(realpath "${2:?source folder}")
if ! command -v pre-commit >/dev/null 2>&1; then
  echo "FAIL: pre-commit is not installed; this test needs the Debian package: apt-get install -y pre-commit"
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp/home PRE_COMMIT_HOME=$tmp/pre-commit-cache XDG_CACHE_HOME=$tmp/cache
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=$tmp/home/.gitconfig GIT_TERMINAL_PROMPT=0
mkdir -p "$HOME" "$tmp/bin"
ln -s "$bin" "$tmp/bin/replylint"
export PATH="$tmp/bin:$PATH"
git config --global user.name "replylint test"
git config --global user.email "test@example.invalid"
git config --global init.defaultBranch main
passed=0 failed=0
check() {  # check NAME CONDITION-STATUS: count and report
  if [ "$2" = 0 ]; then passed=$((passed + 1)); else echo "FAIL $1"; failed=$((failed + 1)); fi
}

# The hook repository: this checkout's .pre-commit-hooks.yaml, committed.
hooks=$tmp/hooks
git init -q "$hooks" && cp "$src/.pre-commit-hooks.yaml" "$hooks/" && git -C "$hooks" add -A &&
  git -C "$hooks" commit -qm "replylint hooks" || { echo "FAIL: could not make the hook repository"; exit 1; }
rev=$(git -C "$hooks" rev-parse HEAD)

# The shop's repository.
shop=$tmp/shop
git init -q "$shop" && cd "$shop" || exit 1
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: replylint
YAML
mkdir -p rules library
cp "$src/tests/lint/packs/demo.yaml" rules/
cat >.replylint.yaml <<'YAML'
builtin_packs: false
pack_dirs: [rules]
exclude: [rules/]
YAML
printf '%s\n' '# 快捷短语' '亲，在的，请问有什么可以帮您？' '亲，有问题加我微信 abc12345 哦' > library/quick.txt
printf '%s\n' '标题,内容' '问候,亲，欢迎光临' '售后,"亲，售后请发邮件到 zhang.san@qq.com，' '我们会尽快处理"' > library/faq.csv
cat >library/groups.yaml <<'YAML'
- title: 公众号
  content: 关注微信公众号「示例旗舰店」领优惠券
YAML
# The workbench's phrase export, in GBK as Chinese Windows writes it.
printf '%s\n' '快捷编码,短语内容,分组' '/zp,亲，本店商品均为正品,售前' '/wx,亲，加我微信哦,售后' | iconv -f UTF-8 -t GBK >library/qn.csv
# The workbench's phrases as an Excel workbook (a binary file the hook must still hand over).
workbook() {  # workbook FILE REPLY: one sheet 售前 with a header row and one phrase (Debian python3-openpyxl)
  /usr/bin/python3 -c 'import sys, openpyxl
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "售前"
ws.append(["快捷编码", "短语内容"]); ws.append(["/wx", sys.argv[2]]); wb.save(sys.argv[1])' "$1" "$2"
}
workbook library/phrases.xlsx '亲，加我微信哦'
pre-commit install >"$tmp/install.log" 2>&1
check "pre-commit install" $?

# 1. The commit is refused, with FILE:LINE:COLUMN of each bad reply.
git add -A
git commit -qm "script library" >"$tmp/run1.log" 2>&1
status=$?
[ $status != 0 ]; check "the commit with bad replies must fail (exit $status)" $?
grep -q '^library/quick.txt:3:8: error: 提供微信, 6 points \[demo.wechat\]' "$tmp/run1.log"; check "quick.txt:3:8 reported" $?
grep -q '^library/faq.csv:3:15: error: 电子邮箱, 6 points \[demo.email\]' "$tmp/run1.log"; check "faq.csv:3:15 reported" $?
grep -q '^library/groups.yaml:2:14: error: 提供微信' "$tmp/run1.log"; check "groups.yaml:2:14 reported" $?
grep -q '^library/qn.csv: note: read as GB18030' "$tmp/run1.log" &&
  grep -q '^library/qn.csv:3:9: error: 提供微信, 6 points \[demo.wechat\]' "$tmp/run1.log"; check "GBK qn.csv:3:9 reported" $?
grep -q ' \[\[\*\*\*\*\*\*\*\*\*@qq.com\]\]' "$tmp/run1.log" && ! grep -q 'zhang.san@qq' "$tmp/run1.log"; check "the e-mail is masked" $?
grep -q '^library/phrases.xlsx:售前!B2: error: 提供微信, 6 points \[demo.wechat\]' "$tmp/run1.log"; check "phrases.xlsx:售前!B2 reported" $?
git rev-parse -q --verify HEAD >/dev/null; [ $? != 0 ]; check "nothing was committed" $?

# 2. Fix one, suppress one inline, accept one in the ignore file by the hash replylint printed.
hash=$(sed -n 's/^  hash: \([0-9a-f]\{16\}\) .*/\1/p' "$tmp/run1.log" | head -1)
[ -n "$hash" ]; check "a hash is printed for the CSV reply" $?
printf '%s\n' '# 快捷短语' '亲，在的，请问有什么可以帮您？' '亲，有问题请在旺旺留言哦' > library/quick.txt
printf '%s\n' '快捷编码,短语内容,分组' '/zp,亲，本店商品均为正品,售前' '/wx,亲，请在旺旺留言哦,售后' | iconv -f UTF-8 -t GBK >library/qn.csv
workbook library/phrases.xlsx '亲，请在旺旺留言哦'
cat >library/groups.yaml <<'YAML'
- title: 公众号
  # replylint-disable-next-line demo.wechat -- 品牌公众号名称，不是个人微信号（法务 2024-05 确认）
  content: 关注微信公众号「示例旗舰店」领优惠券
YAML
cat >.replylint-ignore.yaml <<YAML
- file: library/faq.csv
  rule: demo.email
  hash: $hash
  reason: 官方售后邮箱，已在店铺首页公示
YAML
git add -A
git commit -qm "script library" >"$tmp/run2.log" 2>&1
status=$?
[ $status = 0 ]; check "the commit must pass once fixed and suppressed (exit $status)" $?
git rev-parse -q --verify HEAD >/dev/null; check "the commit was made" $?

# 3. Editing the accepted reply makes it count again: its old entry no longer matches.
printf '%s\n' '标题,内容' '问候,亲，欢迎光临' '售后,"亲，售后请发邮件到 zhang.san@qq.com，' '我们会马上处理"' > library/faq.csv
git add -A
git commit -qm "edit" >"$tmp/run3.log" 2>&1
status=$?
[ $status != 0 ] && grep -q '^library/faq.csv:3:15: error: 电子邮箱' "$tmp/run3.log"; check "an edited accepted reply is checked again" $?
grep -q "^.replylint-ignore.yaml:1:3: error: unused suppression: demo.email .*$hash" "$tmp/run3.log"; check "its stale entry is reported" $?

if [ "$failed" != 0 ]; then
  for f in install run1 run2 run3; do echo "--- $f.log"; cat "$tmp/$f.log" 2>/dev/null; done
fi
echo "pre-commit: $passed passed, $failed failed"
[ "$failed" = 0 ]
