# Locates the LibreOffice SDK (Debian: libreoffice-dev) and defines
#   LO_PROGRAM, LO_SDK, LO_UNOIDL_WRITE, LO_CPPUMAKER, LO_TYPES_RDB, LO_OFFAPI_RDB
#   target LibreOffice::UNO  (SDK headers, compile definitions, cppu/cppuhelper/sal)
set(LO_PREFIX "/usr/lib/libreoffice" CACHE PATH "LibreOffice installation prefix")
set(LO_PROGRAM "${LO_PREFIX}/program")
set(LO_SDK "${LO_PREFIX}/sdk")

find_program(LO_UNOIDL_WRITE unoidl-write HINTS "${LO_SDK}/bin" NO_DEFAULT_PATH REQUIRED)
find_program(LO_CPPUMAKER cppumaker HINTS "${LO_SDK}/bin" NO_DEFAULT_PATH REQUIRED)
find_path(LO_SDK_INCLUDE sal/types.h HINTS /usr/include/libreoffice "${LO_SDK}/include" REQUIRED)
set(LO_TYPES_RDB "${LO_PROGRAM}/types.rdb")
set(LO_OFFAPI_RDB "${LO_PROGRAM}/types/offapi.rdb")

add_library(LibreOffice::UNO INTERFACE IMPORTED)
target_include_directories(LibreOffice::UNO INTERFACE "${LO_SDK_INCLUDE}")
target_compile_definitions(LibreOffice::UNO INTERFACE LINUX UNX CPPU_ENV=gcc3)
foreach(lib uno_cppuhelpergcc3 uno_cppu uno_sal)
  find_library(LO_LIB_${lib} ${lib} HINTS "${LO_SDK}/lib" "${LO_PROGRAM}" NO_DEFAULT_PATH REQUIRED)
  target_link_libraries(LibreOffice::UNO INTERFACE "${LO_LIB_${lib}}")
endforeach()
