# The Debian package (`make package`, CPack): keqing_VERSION_ARCH.deb installing under /usr. Its Depends
# come from dpkg-shlibdeps (the libraries the executables link: libc, SQLite and zlib; libstdc++, fmt and
# toml++ are compiled in, cmake/settings.cmake),
# plus libxlsxwriter4, which the programs open with dlopen when they write a workbook (dpkg-shlibdeps cannot
# see it; the version is the one its shlibs file asks for); libpq is opened with dlopen only when a
# postgresql:// database is used, so it is a Recommends
# (docs/DECISIONS.md "Installed names and the package").
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME keqing)
set(CPACK_PACKAGE_VENDOR keqing)
set(CPACK_PACKAGE_CONTACT "keqing maintainers <keqing@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "contact-rule compliance for field sales reps (客情)")
set(CPACK_PACKAGE_DESCRIPTION
    "keqing keeps field sales reps on the contact rules their company sets per customer tier \
(visits, calls, messages, festivals, birthdays, life events) and shows managers who kept them. \
Tools: keqing roster, log-visit, check-quota, remind and report, on a SQLite file or a team \
PostgreSQL server.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libxlsxwriter4 (>= 1.1.4)")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libpq5 (>= 14)")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_FILE_NAME_SUFFIX "")
include(CPack)
