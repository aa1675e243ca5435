# Install rules beside the executables' (apps/CMakeLists.txt): the built-in rules and the examples under
# share/keqing/, the man pages (docs/man/, built by scdoc) and the shell completions (completions/).
set(KEQING_DATADIR ${CMAKE_INSTALL_DATADIR}/keqing)
install(FILES schemas/rules.toml DESTINATION ${KEQING_DATADIR})
install(FILES examples/README.txt examples/contacts.csv examples/customers.csv examples/events.csv
              examples/people.csv examples/reps.csv DESTINATION ${KEQING_DATADIR}/examples)
install(PROGRAMS examples/demo.sh examples/gen_examples.py DESTINATION ${KEQING_DATADIR}/examples)
install(FILES examples/cron/crontab examples/cron/example-mail.txt DESTINATION ${KEQING_DATADIR}/examples/cron)
install(PROGRAMS examples/cron/mail-digests.sh DESTINATION ${KEQING_DATADIR}/examples/cron)

# Man pages: docs/man/<lang>/NAME.SECTION.scd, one source per page and language, made into gzipped roff
# by scdoc at build time and installed to share/man/man<section>/ (English) and share/man/zh_CN/.
find_program(KEQING_SCDOC scdoc)
if(KEQING_SCDOC)
  file(GLOB _keqing_man_sources CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/docs/man/*/*.scd)
  set(_keqing_pages)
  foreach(source ${_keqing_man_sources})
    get_filename_component(page ${source} NAME_WLE) # keqing-remind.1
    get_filename_component(lang_dir ${source} DIRECTORY)
    get_filename_component(lang ${lang_dir} NAME)
    string(REGEX REPLACE ".*\\.([0-9])$" "\\1" section ${page})
    set(out ${CMAKE_BINARY_DIR}/man/${lang}/${page}.gz)
    add_custom_command(
      OUTPUT ${out}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man/${lang}
      COMMAND sh -c "sed 's/@VERSION@/${PROJECT_VERSION}/' '${source}' | '${KEQING_SCDOC}' | gzip -9n > '${out}'"
      DEPENDS ${source}
      COMMENT "Man page ${lang}/${page}"
      VERBATIM)
    list(APPEND _keqing_pages ${out})
    if(lang STREQUAL "en")
      install(FILES ${out} DESTINATION ${CMAKE_INSTALL_MANDIR}/man${section})
    else()
      install(FILES ${out} DESTINATION ${CMAKE_INSTALL_MANDIR}/${lang}/man${section})
    endif()
  endforeach()
  add_custom_target(keqing_man ALL DEPENDS ${_keqing_pages})
else()
  message(WARNING "scdoc not found: no man pages (apt install scdoc, or make deps)")
endif()

# Shell completions, to the directories Debian's bash-completion, zsh and fish read: bash and fish load a
# completion by the command's name, so the one script is installed under each name.
foreach(command keqing keqing-roster keqing-log-visit keqing-check-quota keqing-remind keqing-report keqing-plan)
  install(FILES completions/keqing.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
          RENAME ${command})
  install(FILES completions/keqing.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d
          RENAME ${command}.fish)
endforeach()
install(FILES completions/_keqing DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
