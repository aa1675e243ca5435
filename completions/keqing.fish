# fish completion for keqing and keqing-TOOL (installed to /usr/share/fish/vendor_completions.d/, one
# link per command name). The tools complete themselves: `TOOL __complete WORD…` prints `words` and the
# candidates, or `files` (apps/common/complete.hpp).
function __keqing_complete
    set -l words (commandline -opc)
    set -l current (commandline -ct)
    # "$current" quoted: an empty word being typed is still passed (the engine completes at it)
    set -l out ($words[1] __complete $words[2..-1] "$current" 2>/dev/null)
    if test "$out[1]" = files
        __fish_complete_path (commandline -ct)
    else
        printf '%s\n' $out[2..-1]
    end
end
for command in keqing keqing-roster keqing-log-visit keqing-check-quota keqing-remind keqing-report keqing-plan
    complete -c $command -f -a '(__keqing_complete)'
end
