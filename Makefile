# Entry points: `make demo` and `make test` install missing Debian packages, configure and build.
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
# chromium and a CJK font: tests/e2e/test_report_html.sh opens the HTML report in a real browser;
# python3-openpyxl: tests/e2e/test_xlsx.sh reads the Excel workbooks back;
# gettext: msgfmt and msgcat compile the message catalogs (po/); scdoc: the man pages (docs/man/); dpkg-dev: dpkg-shlibdeps, the package's Depends (make package);
# postgresql: the end-to-end suite runs a second time on a throwaway PostgreSQL server (tests/e2e/pg_server.sh).
DEPS := cmake make g++ pkg-config gettext scdoc dpkg-dev strace libxlsxwriter-dev python3-openpyxl libcli11-dev libsqlite3-dev libfmt-dev libtomlplusplus-dev doctest-dev zlib1g-dev libpq-dev sqlite3 python3 chromium fonts-wqy-microhei postgresql
FUZZ_DEPS := clang libclang-rt-14-dev
FUZZ_SECONDS ?= 20
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CMAKE_FLAGS ?=
# make install: where (PREFIX), and a staging root the files go under (DESTDIR, for packagers).
PREFIX ?= /usr/local
DESTDIR ?=

.PHONY: all deps configure build install uninstall package test-package test stress test-sanitize fuzz mutate demo bench clean format check-format

all: build

deps:
	@missing=""; for p in $(DEPS) $(EXTRA_DEPS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing missing packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

configure: deps
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

build: configure
	cmake --build $(BUILD) -j $(JOBS)

# The tools as keqing-TOOL beside the `keqing` front end, man pages, completions, rules and examples under
# $(DESTDIR)$(PREFIX) (docs/DECISIONS.md "Installed names and the package").
install: build
	DESTDIR="$(DESTDIR)" cmake --install $(BUILD) --prefix "$(PREFIX)" --strip

# Removes what the last `make install` installed (CMake's install_manifest.txt lists it, without the
# DESTDIR: give the same one).
uninstall:
	@test -f $(BUILD)/install_manifest.txt || { echo "nothing installed from $(BUILD)"; exit 1; }
	sed 's|^|$(DESTDIR)|' $(BUILD)/install_manifest.txt | xargs -d '\n' rm -f --

# The Debian package, build/keqing_VERSION_ARCH.deb (CPack; cmake/package.cmake): apt install ./build/keqing_*.deb
package: build
	cd $(BUILD) && cpack -G DEB

# The package installed into a fresh root and removed again, as on a clean machine (tests/package/; CI runs it).
# zsh and fish: their completions are tried too; apt-file: no file of the package may belong to a Debian
# package (its Contents index, fetched once from the Debian mirror).
test-package: package
	$(MAKE) deps EXTRA_DEPS="zsh fish bash-completion apt-file"
	apt-file search -x '^/usr/bin/remind$$' 2>/dev/null | grep -q remind || $(SUDO) apt-file update >/dev/null
	$(SUDO) tests/package/test_package.sh $(BUILD)

# The everyday suite; the suites labelled "stress" (thousands of processes, every attack on the team server)
# run with `make stress`, and .ci/run runs both.
test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS) -LE stress

stress: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS) -L stress

# The whole suite (unit and end-to-end) built with AddressSanitizer and UBSan, in its own build folder.
test-sanitize:
	$(MAKE) test stress BUILD=build-asan CMAKE_FLAGS="$(CMAKE_FLAGS) -DKEQING_SANITIZE='address;undefined' -DKEQING_UNITY=OFF"

# Hand-written plausible bugs (tests/mutate/mutations.txt) put one at a time into a copy of the sources in
# build-mutate/: the unit tests must catch at least 90 % of them (about 20 minutes on 2 cores).
mutate: deps
	python3 tests/mutate/run.py . build-mutate

# The libFuzzer targets of tests/fuzz/ (clang, ASan + UBSan) in build-fuzz/, each run FUZZ_SECONDS.
fuzz:
	$(MAKE) build BUILD=build-fuzz EXTRA_DEPS="$(FUZZ_DEPS)" CMAKE_FLAGS="-DCMAKE_CXX_COMPILER=clang++ \
	  -DKEQING_FUZZ=ON -DKEQING_SANITIZE='address;undefined' -DKEQING_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Debug \
	  -DCMAKE_CXX_FLAGS=-O1 $(CMAKE_FLAGS)"
	tests/fuzz/run.sh build-fuzz $(FUZZ_SECONDS)

demo: build
	./examples/demo.sh $(BUILD)/bin

format:
	$(MAKE) deps EXTRA_DEPS=clang-format
	find apps lib tests bench -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

# Every C++ file as .clang-format lays it out (Debian 12's clang-format 14); .ci/run checks it.
check-format:
	$(MAKE) deps EXTRA_DEPS=clang-format
	find apps lib tests bench -name '*.cpp' -o -name '*.hpp' | xargs clang-format --dry-run --Werror

# SCALES="20000 60000 200000" (customers); SHAPES="year month" (the data: bench/run.sh); PG=1 measures
# PostgreSQL too (docs/PERFORMANCE.md).
bench: build
	PG=$(PG) SHAPES="$(SHAPES)" bench/run.sh $(BUILD)/bin $(SCALES)

clean:
	rm -rf $(BUILD) build-asan build-fuzz build-mutate
