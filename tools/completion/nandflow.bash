# Bash completion for the nandflow commands (installed under each command's name in
# share/bash-completion/completions). Options are read from the command's own --help,
# so they never drift from it; anything else completes as a file name.

_nandflow_options() {  # the long and short options a --help text lists
  "$@" --help 2>/dev/null | grep -oE '(^|[ ,[])--?[A-Za-z][A-Za-z0-9-]*' | sed -E 's/^[ ,[]//' | sort -u
}

_nandflow_complete() {
  local cur prev cmd words_before
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  cmd=${COMP_WORDS[0]}
  if [ "$cmd" = nandflow ] || [ "${cmd##*/}" = nandflow ]; then
    if [ "$COMP_CWORD" = 1 ]; then
      COMPREPLY=($(compgen -W "synth verify count cosim view --help --version" -- "$cur"))
      return
    fi
    words_before="$cmd ${COMP_WORDS[1]}"
  else
    words_before="$cmd"
  fi
  case "$prev" in
    --top|-D|-p|--cycles|--seed|--cases|--max-gates|--time-limit|--threads|--max-nodes|--max-memory|--baud|--n|--d|--dv|--lambda)
      return ;;  # a value, not a file
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$(_nandflow_options $words_before)" -- "$cur"))
  else
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}

complete -F _nandflow_complete nandflow hackasm hacksim hacktst diffattn-model diffattn-tb diffattn-demo \
  diffattn-sc diffattn-host nandflow-random-design
