# Entry points: `make demo` and `make test` install missing Debian packages, configure and build.
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
# chromium and a CJK font: tests/e2e/test_report_html.sh opens the HTML report in a real browser.
DEPS := cmake make g++ libcli11-dev libsqlite3-dev libfmt-dev libtomlplusplus-dev doctest-dev sqlite3 python3 chromium fonts-wqy-microhei
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CMAKE_FLAGS ?=

.PHONY: all deps configure build test demo clean format check-format

all: build

deps:
	@missing=""; for p in $(DEPS); do \
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

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

demo: build
	./examples/demo.sh $(BUILD)/bin

format:
	find apps lib tests bench -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

check-format:
	find apps lib tests bench -name '*.cpp' -o -name '*.hpp' | xargs clang-format --dry-run --Werror

clean:
	rm -rf $(BUILD)
