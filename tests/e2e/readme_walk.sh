# The README's shell blocks as test_readme.sh and test_i18n_readme.sh read them: `readme_blocks` writes each
# ```sh block of $SRC/README.md to $WORK/block.N (its first line's number in block.N.line) and sets $blocks;
# `readme_walk` goes through them in order and calls, for each command, `on_command WHERE COMMAND` or, for a
# transcript (a line `$ command` and the lines under it up to a blank line), `on_transcript WHERE COMMAND
# EXPECTED`. Blocks that build (make, cmake) or need a team server (postgresql://) are left out, and said
# so; $ran counts the blocks walked.

readme_blocks() {
  awk -v dir="$WORK" '
    /^```sh[[:space:]]*$/ { n++; inside = 1; file = dir "/block." n; printf "" >file; print NR + 1 >(file ".line"); next }
    /^```/ { inside = 0; next }
    inside { print >>file }
  ' "$SRC/README.md"
  blocks=$(ls "$WORK"/block.* 2>/dev/null | grep -c '/block\.[0-9]*$')
}

# allowed_status LINE: the exit statuses a command line may end with: as a `# exit N` comment says, else 0
# — or 1 for check-quota, remind and plan, whose 1 means "something is behind or due" or "cannot fit".
allowed_status() {
  local line=$1
  if [[ $line =~ \#.*exit\ ([0-9]+) ]]; then echo "${BASH_REMATCH[1]}"
  elif [[ $line =~ ^(LANG=[^ ]+ )?(check-quota|remind|plan)([[:space:]]|$) ]]; then echo "0 1"
  else echo 0; fi
}

readme_walk() {
  ran=0
  local n file start lineno command expected in_transcript command_line continued line
  for n in $(seq 1 "$blocks"); do
    file=$WORK/block.$n
    start=$(cat "$file.line")
    if grep -Eq '(^|[[:space:];&|])(make|cmake|sudo|apt|apt-get)[[:space:]]|postgresql://' "$file"; then
      echo "README.md:$start: block $n builds or needs a team server; not run"
      continue
    fi
    ran=$((ran + 1))
    lineno=$start command="" expected="" in_transcript=0 command_line=0 continued=0
    while IFS= read -r line || [ -n "$line" ]; do
      if [ "$continued" = 1 ]; then
        command+=$'\n'"$line"
        [[ $line == *\\ ]] || continued=0
      elif [[ $line == '$ '* ]]; then
        readme_flush; command=${line#\$ } in_transcript=1 command_line=$lineno
      elif [ "$in_transcript" = 1 ]; then
        if [ -z "$line" ]; then readme_flush; else expected+="${expected:+$'\n'}$line"; fi
      elif [[ -n ${line//[[:space:]]/} && ! $line =~ ^[[:space:]]*# ]]; then
        readme_flush; command=$line command_line=$lineno
        [[ $line == *\\ ]] && continued=1
      fi
      lineno=$((lineno + 1))
    done <"$file"
    readme_flush
  done
}

readme_flush() {
  if [ -n "$command" ]; then
    if [ "$in_transcript" = 1 ]; then on_transcript "README.md:$command_line" "$command" "$expected"
    else on_command "README.md:$command_line" "$command"; fi
  fi
  command="" expected="" in_transcript=0
}
