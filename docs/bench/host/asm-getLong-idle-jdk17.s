    7fc278f137a0:mov    r10d,DWORD PTR [rsi+0x8]
    7fc278f137a4:movabs r11,0x7fc207000000
    7fc278f137ae:add    r10,r11
    7fc278f137b1:cmp    rax,r10
    7fc278f137b4:jne    0x7fc278989180
    7fc278f137ba:xchg   ax,ax
    7fc278f137bc:nop    DWORD PTR [rax+0x0]
    7fc278f137c0:mov    DWORD PTR [rsp-0x14000],eax
    7fc278f137c7:push   rbp
    7fc278f137c8:sub    rsp,0x60
    7fc278f137cc:mov    rcx,rsi
    7fc278f137cf:mov    ebp,DWORD PTR [rsi+0x54]
    7fc278f137d2:test   ebp,ebp
    7fc278f137d4:jne    0x7fc278f13ab8
    7fc278f137da:mov    r13,QWORD PTR [rsi+0x10]
    7fc278f137de:movzx  ebp,BYTE PTR [rsi+0x38]
    7fc278f137e2:mov    r10,QWORD PTR [rsi+0x20]
    7fc278f137e6:test   ebp,ebp
    7fc278f137e8:jne    0x7fc278f13ac8
    7fc278f137ee:mov    r11d,DWORD PTR [rsi+0x44]
    7fc278f137f2:movzx  r8d,BYTE PTR [r12+r11*8+0x4c]
    7fc278f137f8:test   r8d,r8d
    7fc278f137fb:je     0x7fc278f13a9c
    7fc278f13801:mov    r9d,DWORD PTR [r12+r11*8+0x5c]
    7fc278f13806:mov    ebx,DWORD PTR [r12+r9*8+0xc]
    7fc278f1380b:mov    DWORD PTR [rsp],ebx
    7fc278f1380e:vmovq  xmm0,rsi
    7fc278f13813:mov    r8,QWORD PTR [r12+r11*8+0x20]
    7fc278f13818:vmovq  xmm2,r8
    7fc278f1381d:mov    r8,QWORD PTR [r12+r11*8+0x38]
    7fc278f13822:lea    rcx,[r12+r9*8]
    7fc278f13826:vmovq  xmm3,rcx
    7fc278f1382b:vmovd  xmm1,r9d
    7fc278f13830:lea    r9,[r12+r11*8]
    7fc278f13834:vmovq  xmm4,r9
    7fc278f13839:mov    rdi,r13
    7fc278f1383c:and    rdi,0x7
    7fc278f13840:xor    r9d,r9d
    7fc278f13843:xor    eax,eax
    7fc278f13845:jmp    0x7fc278f1385d
    7fc278f13847:mov    rcx,QWORD PTR [r15+0x348]
    7fc278f1384e:test   DWORD PTR [rcx],eax
    7fc278f13850:cmp    r9d,0x400
    7fc278f13857:jge    0x7fc278f13980
    7fc278f1385d:mov    ecx,0x400
    7fc278f13862:sub    ecx,r9d
    7fc278f13865:cmp    ecx,0x3e8
    7fc278f1386b:mov    esi,0x3e8
    7fc278f13870:cmova  ecx,esi
    7fc278f13873:add    ecx,r9d
    7fc278f13876:jmp    0x7fc278f138a3
    7fc278f13878:nop    DWORD PTR [rax+rax*1+0x0]
    7fc278f13880:vmovq  rbp,xmm3
    7fc278f13885:mov    BYTE PTR [rbp+rdx*1+0x10],0x1
    7fc278f1388a:mov    BYTE PTR [rsi],0x1
    7fc278f1388d:vmovq  rdx,xmm2
    7fc278f13892:add    rdx,rbx
    7fc278f13895:mov    rbx,rdx
    7fc278f13898:add    rax,QWORD PTR [rbx]
    7fc278f1389b:inc    r9d
    7fc278f1389e:cmp    r9d,ecx
    7fc278f138a1:jge    0x7fc278f13847
    7fc278f138a3:movabs rbx,0x9e3779b97f4a7c15
    7fc278f138ad:add    r10,rbx
    7fc278f138b0:mov    rdx,r10
    7fc278f138b3:shr    rdx,0x21
    7fc278f138b7:xor    rdx,r10
    7fc278f138ba:movabs rbx,0xff51afd7ed558ccd
    7fc278f138c4:imul   rdx,rbx
    7fc278f138c8:mov    rbx,rdx
    7fc278f138cb:shr    rbx,0x21
    7fc278f138cf:xor    rbx,rdx
    7fc278f138d2:movabs rdx,0xc4ceb9fe1a85ec53
    7fc278f138dc:imul   rbx,rdx
    7fc278f138e0:mov    rdx,rbx
    7fc278f138e3:shr    rdx,0x21
    7fc278f138e7:xor    rdx,rbx
    7fc278f138ea:mov    rbx,rdx
    7fc278f138ed:and    rbx,r13
    7fc278f138f0:test   rbx,rbx
    7fc278f138f3:jl     0x7fc278f1399c
    7fc278f138f9:cmp    rbx,r8
    7fc278f138fc:jg     0x7fc278f139e0
    7fc278f13902:mov    rsi,rdi
    7fc278f13905:and    rsi,rdx
    7fc278f13908:test   rsi,rsi
    7fc278f1390b:jne    0x7fc278f13a20
    7fc278f13911:mov    r14,rbx
    7fc278f13914:shr    r14,0x10
    7fc278f13918:mov    rbp,r14
    7fc278f1391b:add    rbp,QWORD PTR [r12+r11*8+0x40]
    7fc278f13920:mov    rsi,rbp
    7fc278f13923:movsx  edx,BYTE PTR [rsi]
    7fc278f13926:test   edx,0x1
    7fc278f1392c:jne    0x7fc278f1388d
    7fc278f13932:test   edx,edx
    7fc278f13934:jne    0x7fc278f13a64
    7fc278f1393a:mov    edx,r14d
    7fc278f1393d:cmp    edx,DWORD PTR [rsp]
    7fc278f13940:jb     0x7fc278f13880
    7fc278f13946:mov    esi,0xffffffe4
    7fc278f1394b:mov    QWORD PTR [rsp],r10
    7fc278f1394f:mov    QWORD PTR [rsp+0x8],r13
    7fc278f13954:mov    DWORD PTR [rsp+0x14],r9d
    7fc278f13959:mov    QWORD PTR [rsp+0x18],rax
    7fc278f1395e:mov    DWORD PTR [rsp+0x20],r11d
    7fc278f13963:mov    QWORD PTR [rsp+0x28],rbx
    7fc278f13968:mov    DWORD PTR [rsp+0x24],edx
    7fc278f1396c:vmovsd QWORD PTR [rsp+0x30],xmm0
    7fc278f13972:vmovss DWORD PTR [rsp+0x38],xmm1
    7fc278f13978:data16 xchg ax,ax
    7fc278f1397b:call   0x7fc278991a80
    7fc278f13980:vmovq  r11,xmm0
    7fc278f13985:mov    QWORD PTR [r11+0x20],r10
    7fc278f13989:add    rsp,0x60
    7fc278f1398d:pop    rbp
    7fc278f1398e:cmp    rsp,QWORD PTR [r15+0x340]
    7fc278f13995:ja     0x7fc278f13afc
    7fc278f1399b:ret
    7fc278f1399c:xor    r8d,r8d
    7fc278f1399f:cmp    rbx,r8
    7fc278f139a2:mov    ebp,0xffffffff
    7fc278f139a7:jl     0x7fc278f139b1
    7fc278f139a9:setne  bpl
    7fc278f139ad:movzx  ebp,bpl
    7fc278f139b1:mov    esi,0xffffff45
    7fc278f139b6:mov    QWORD PTR [rsp],r10
    7fc278f139ba:mov    QWORD PTR [rsp+0x8],r13
    7fc278f139bf:mov    DWORD PTR [rsp+0x14],r9d
    7fc278f139c4:mov    QWORD PTR [rsp+0x18],rax
    7fc278f139c9:mov    DWORD PTR [rsp+0x20],r11d
    7fc278f139ce:mov    QWORD PTR [rsp+0x28],rbx
    7fc278f139d3:vmovsd QWORD PTR [rsp+0x30],xmm0
    7fc278f139d9:xchg   ax,ax
    7fc278f139db:call   0x7fc278991a80
    7fc278f139e0:cmp    rbx,r8
    7fc278f139e3:mov    ebp,0xffffffff
    7fc278f139e8:jl     0x7fc278f139f2
    7fc278f139ea:setne  bpl
    7fc278f139ee:movzx  ebp,bpl
    7fc278f139f2:mov    esi,0xffffff45
    7fc278f139f7:mov    QWORD PTR [rsp],r10
    7fc278f139fb:mov    QWORD PTR [rsp+0x8],r13
    7fc278f13a00:mov    DWORD PTR [rsp+0x14],r9d
    7fc278f13a05:mov    QWORD PTR [rsp+0x18],rax
    7fc278f13a0a:mov    DWORD PTR [rsp+0x20],r11d
    7fc278f13a0f:mov    QWORD PTR [rsp+0x28],rbx
    7fc278f13a14:vmovsd QWORD PTR [rsp+0x30],xmm0
    7fc278f13a1a:nop
    7fc278f13a1b:call   0x7fc278991a80
    7fc278f13a20:xor    r8d,r8d
    7fc278f13a23:cmp    rsi,r8
    7fc278f13a26:mov    ebp,0xffffffff
    7fc278f13a2b:jl     0x7fc278f13a35
    7fc278f13a2d:setne  bpl
    7fc278f13a31:movzx  ebp,bpl
    7fc278f13a35:mov    esi,0xffffff45
    7fc278f13a3a:mov    QWORD PTR [rsp],r10
    7fc278f13a3e:mov    QWORD PTR [rsp+0x8],r13
    7fc278f13a43:mov    DWORD PTR [rsp+0x14],r9d
    7fc278f13a48:mov    QWORD PTR [rsp+0x18],rax
    7fc278f13a4d:mov    DWORD PTR [rsp+0x20],r11d
    7fc278f13a52:mov    QWORD PTR [rsp+0x30],rbx
    7fc278f13a57:vmovsd QWORD PTR [rsp+0x38],xmm0
    7fc278f13a5d:xchg   ax,ax
    7fc278f13a5f:call   0x7fc278991a80
    7fc278f13a64:mov    esi,0xffffff45
    7fc278f13a69:mov    QWORD PTR [rsp],r10
    7fc278f13a6d:mov    QWORD PTR [rsp+0x8],r13
    7fc278f13a72:mov    DWORD PTR [rsp+0x14],r9d
    7fc278f13a77:mov    QWORD PTR [rsp+0x18],rax
    7fc278f13a7c:mov    DWORD PTR [rsp+0x20],r11d
    7fc278f13a81:mov    DWORD PTR [rsp+0x24],r11d
    7fc278f13a86:mov    QWORD PTR [rsp+0x30],rbx
    7fc278f13a8b:mov    DWORD PTR [rsp+0x38],edx
    7fc278f13a8f:vmovsd QWORD PTR [rsp+0x40],xmm0
    7fc278f13a95:xchg   ax,ax
    7fc278f13a97:call   0x7fc278991a80
    7fc278f13a9c:mov    esi,0xffffff76
    7fc278f13aa1:mov    rbp,r10
    7fc278f13aa4:mov    QWORD PTR [rsp],r13
    7fc278f13aa8:mov    DWORD PTR [rsp+0x8],r11d
    7fc278f13aad:mov    QWORD PTR [rsp+0x10],rcx
    7fc278f13ab2:nop
    7fc278f13ab3:call   0x7fc278991a80
    7fc278f13ab8:mov    esi,0xffffffad
    7fc278f13abd:mov    QWORD PTR [rsp],rcx
    7fc278f13ac1:xchg   ax,ax
    7fc278f13ac3:call   0x7fc278991a80
    7fc278f13ac8:mov    esi,0xffffff45
    7fc278f13acd:mov    QWORD PTR [rsp],r10
    7fc278f13ad1:mov    QWORD PTR [rsp+0x8],r13
    7fc278f13ad6:mov    QWORD PTR [rsp+0x10],rcx
    7fc278f13adb:call   0x7fc278991a80
    7fc278f13ae0:mov    esi,0xffffffbe
    7fc278f13ae5:mov    rbp,r10
    7fc278f13ae8:mov    QWORD PTR [rsp],r13
    7fc278f13aec:mov    DWORD PTR [rsp+0x8],r11d
    7fc278f13af1:mov    QWORD PTR [rsp+0x10],rcx
    7fc278f13af6:nop
    7fc278f13af7:call   0x7fc278991a80
    7fc278f13afc:movabs r10,0x7fc278f1398e
    7fc278f13b06:mov    QWORD PTR [r15+0x358],r10
    7fc278f13b0d:jmp    0x7fc278990900
    7fc278f13b12:hlt
    7fc278f13b13:hlt
    7fc278f13b14:hlt
    7fc278f13b15:hlt
    7fc278f13b16:hlt
    7fc278f13b17:hlt
    7fc278f13b18:hlt
    7fc278f13b19:hlt
    7fc278f13b1a:hlt
    7fc278f13b1b:hlt
    7fc278f13b1c:hlt
    7fc278f13b1d:hlt
    7fc278f13b1e:hlt
    7fc278f13b1f:hlt
    7fc278f13b20:jmp    0x7fc27899e800
    7fc278f13b25:call   0x7fc278f13b2a
    7fc278f13b2a:sub    QWORD PTR [rsp],0x5
    7fc278f13b2f:jmp    0x7fc278991da0
    7fc278f13b34:hlt
    7fc278f13b35:hlt
    7fc278f13b36:hlt
    7fc278f13b37:hlt
