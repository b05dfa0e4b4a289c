# opencloner_add_test(<name> SOURCES ... [LIBS ...] [LABELS ...] [TIMEOUT s] [ENV VAR=value ...])
# A Qt Test program under CTest. Tests link the layer libraries; they never re-list production sources.
function(opencloner_add_test name)
  cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS;ENV" ${ARGN})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 120)
  endif()
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE opencloner_settings Qt6::Test ${ARG_LIBS})
  target_compile_definitions(${name} PRIVATE OPENCLONER_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}" TIMEOUT ${ARG_TIMEOUT}
                       ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/sanitizers/lsan.supp;${ARG_ENV}")
endfunction()

# Links the umockdev preload library into a test binary so libusb inside it sees the emulated bus.
function(opencloner_use_umockdev_preload name)
  target_link_options(${name} PRIVATE -Wl,--push-state,--no-as-needed -lumockdev-preload -Wl,--pop-state)
endfunction()
