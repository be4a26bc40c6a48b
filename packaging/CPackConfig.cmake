# The Debian package and a tarball: `cpack -G DEB` / `cpack -G TGZ` from a build directory
# (tests/packaging checks the .deb: contents, lintian, desktop-file-validate, appstreamcli, and
# that the extracted programs run). Runtime Depends come from dpkg-shlibdeps.
set(GUARDSCOPE_HOMEPAGE "https://github.com/guardscope/guardscope" CACHE STRING
  "The project's public address (AppStream, the package's Homepage)")
set(GUARDSCOPE_SCREENSHOTS "${GUARDSCOPE_HOMEPAGE}/raw/main/docs/screenshots" CACHE STRING
  "Where the AppStream screenshots are published")
set(GUARDSCOPE_RELEASE_DATE "2026-12-06")

set(_pkg ${CMAKE_CURRENT_LIST_DIR})
set(_gen ${PROJECT_BINARY_DIR}/packaging)
set(_doc ${CMAKE_INSTALL_DATADIR}/doc/guardscope)

# Man pages and the changelog are installed gzipped (-n: no name or time stamp, reproducible).
set(_gz_outputs "")
foreach(_src man/guardscope.1 man/guardscope-cli.1 changelog)
  get_filename_component(_name ${_src} NAME)
  add_custom_command(OUTPUT ${_gen}/${_name}.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${_gen}
    COMMAND gzip -9 -n -c ${_pkg}/${_src} > ${_gen}/${_name}.gz
    DEPENDS ${_pkg}/${_src} VERBATIM)
  list(APPEND _gz_outputs ${_gen}/${_name}.gz)
endforeach()
add_custom_target(gs_packaging_files ALL DEPENDS ${_gz_outputs})
configure_file(${_pkg}/io.guardscope.Guardscope.metainfo.xml.in ${_gen}/io.guardscope.Guardscope.metainfo.xml @ONLY)

install(FILES ${_gen}/guardscope.1.gz ${_gen}/guardscope-cli.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${_gen}/changelog.gz ${_pkg}/copyright DESTINATION ${_doc})
install(FILES ${_pkg}/io.guardscope.Guardscope.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${_gen}/io.guardscope.Guardscope.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${_pkg}/completion/guardscope-cli DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/guardscope.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(DIRECTORY ${_pkg}/icons/hicolor DESTINATION ${CMAKE_INSTALL_DATADIR}/icons)

set(CPACK_PACKAGE_NAME "guardscope")
set(CPACK_PACKAGE_VENDOR "The Guardscope developers")
set(CPACK_PACKAGE_CONTACT "Guardscope developers <guardscope@users.noreply.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "desktop inspector for torch.compile recompiles")
set(CPACK_PACKAGE_DESCRIPTION "Guardscope shows why PyTorch's torch.compile compiled a function again: a size
changed, a bool flipped, the same tensor was passed twice, a module switched
between train and eval, or the recompile limit was reached. It runs scenarios
written in Python through an embedded engine that reproduces TorchDynamo's
caches, guards and automatic dynamic shapes, and opens real recorded runs
(TORCH_TRACE logs). It shows guard trees, reasons by category with fixes proven
by re-running, symbolic shapes and a timeline of every call, keeps every run in
a SQLite history, and has a command-line tool for the same work.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Guardscope developers <guardscope@users.noreply.invalid>")
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${GUARDSCOPE_HOMEPAGE}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-cjk, graphviz")
set(CPACK_DEBIAN_COMPRESSION_TYPE "xz")
include(CPack)
