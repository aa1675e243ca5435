# bash completion for keqing and keqing-TOOL (installed to /usr/share/bash-completion/completions/, one
# link per command name). The tools complete themselves: `TOOL __complete WORD…` prints `words` and the
# candidates, or `files` (apps/common/complete.hpp); customer codes and rep ids come from the database
# that --db (or KEQING_DB, the config) names.
_keqing_complete() {
    local cur=${COMP_WORDS[COMP_CWORD]}
    local -a words=("${COMP_WORDS[@]:1:COMP_CWORD}")
    # bash splits --format=json into --format, =, json (COMP_WORDBREAKS): the engine reads them so
    [[ $cur == = ]] && cur=""
    local IFS=$'\n'
    local -a out
    out=($("${COMP_WORDS[0]}" __complete "${words[@]}" 2>/dev/null))
    if [[ ${out[0]} == files ]]; then
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "$cur"))
    else
        COMPREPLY=("${out[@]:1}")
    fi
}
complete -F _keqing_complete keqing keqing-roster keqing-log-visit keqing-check-quota keqing-remind keqing-report keqing-plan
