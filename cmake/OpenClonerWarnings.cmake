# Project-wide compile settings applied through an interface target, never through global flags.
add_library(opencloner_settings INTERFACE)
target_compile_options(opencloner_settings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                                     -Wno-missing-field-initializers)
target_compile_definitions(opencloner_settings INTERFACE QT_NO_KEYWORDS QT_NO_CAST_FROM_ASCII_WARNINGS
                                                         QT_USE_QSTRINGBUILDER)
if(OPENCLONER_SANITIZE)
  target_compile_options(opencloner_settings INTERFACE -fsanitize=${OPENCLONER_SANITIZE} -fno-omit-frame-pointer
                                                       -fno-sanitize-recover=undefined)
  target_link_options(opencloner_settings INTERFACE -fsanitize=${OPENCLONER_SANITIZE})
endif()
