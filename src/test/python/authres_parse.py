#!/usr/bin/python3
"""Parses Authentication-Results fields with python3-authres, an independent RFC 8601 parser.

Reads one unfolded field per line on stdin ("Authentication-Results: ..."); for every field writes its authserv-id
and then one line per result: "<field number>TAB<method>TAB<result>TAB<reason>TAB<type.name=value ...>".
Exits non-zero if a field does not parse.
"""
import sys

import authres


def main():
    for number, line in enumerate(sys.stdin.read().splitlines()):
        header = authres.AuthenticationResultsHeader.parse(line)
        print('%d\tauthserv-id\t%s\t\t' % (number, header.authserv_id))
        for result in header.results:
            props = ' '.join('%s.%s=%s' % (p.type, p.name, p.value) for p in result.properties)
            print('%d\t%s\t%s\t%s\t%s' % (number, result.method, result.result, result.reason or '', props))


if __name__ == '__main__':
    main()
