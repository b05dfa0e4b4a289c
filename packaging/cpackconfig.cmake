# Per-generator settings, read by CPack at packaging time.
if(CPACK_GENERATOR STREQUAL "DEB")
  set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
elseif(CPACK_GENERATOR STREQUAL "TGZ")
  # A relocatable tree: bin/, lib/udev/rules.d/, share/ under opencloner-<version>-Linux/.
  set(CPACK_PACKAGING_INSTALL_PREFIX /)
endif()
