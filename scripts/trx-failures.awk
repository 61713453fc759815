# Prints every failed test of the TRX files given as arguments: its name and the first lines of its message and
# stack trace, so the end of a long run's log says what failed (a CI log is often read from its tail only).
function unescape(s) {
  gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s); gsub(/&apos;/, "'", s); gsub(/&#xD;/, "", s)
  gsub(/&#xA;/, "\n", s); gsub(/&amp;/, "\\&", s)
  return s
}
/<UnitTestResult / {
  failed = ($0 ~ /outcome="Failed"/)
  if (failed) {
    name = $0
    sub(/.*testName="/, "", name); sub(/".*/, "", name)
    printf "FAILED %s\n", unescape(name)
    lines = 0
  }
  next
}
/<\/UnitTestResult>/ { failed = 0; next }
failed && lines < 25 {
  line = $0
  gsub(/<\/?(Output|ErrorInfo|Message|StackTrace|StdOut)>/, "", line)
  if (line ~ /^[ \t]*$/) next
  print "    " unescape(line)
  lines++
}
