# Compiler flags shared by every target of the project.
add_library(fsd_warnings INTERFACE)
target_compile_options(fsd_warnings INTERFACE -Wall -Wextra -Wpedantic)
if(FSD_WARNINGS_AS_ERRORS)
    target_compile_options(fsd_warnings INTERFACE -Werror)
endif()
target_compile_definitions(fsd_warnings INTERFACE
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_DISABLE_DEPRECATED_UP_TO=0x060000)

# fsd_add_core_library(NAME SOURCES... LINKS...) declares one static library of core/.
function(fsd_add_library name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LINKS" ${ARGN})
    add_library(${name} STATIC ${ARG_SOURCES})
    target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
    target_link_libraries(${name} PUBLIC ${ARG_LINKS} PRIVATE fsd_warnings)
endfunction()
