# node-gyp's recipe for replylint.node (`npm install bindings/node`; build_addon.js runs it).
# libreplylint comes from pkg-config (PKG_CONFIG_PATH for a prefix of your own); its libdir is
# written into the addon's RPATH so that the addon loads the library it was built against.
{
  "targets": [{
    "target_name": "replylint",
    "sources": ["replylint_node.c"],
    # Node-API 8, as the CMake build: ABI-stable, one build serves every later Node.js.
    "defines": ["NAPI_VERSION=8"],
    "cflags": ["<!@(pkg-config --cflags replylint)"],
    "libraries": ["<!@(pkg-config --libs replylint)",
                  "-Wl,-rpath,<!(pkg-config --variable=libdir replylint)"]
  }]
}
