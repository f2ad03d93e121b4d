    7fc8c3f0e700:xchg   ax,ax
    7fc8c3f0e702:mov    r10d,DWORD PTR [rsi+0x8]
    7fc8c3f0e706:cmp    r10d,DWORD PTR [rax+0x8]
    7fc8c3f0e70a:jne    0x7fc8c39865e0
    7fc8c3f0e710:mov    DWORD PTR [rsp-0x14000],eax
    7fc8c3f0e717:push   rbp
    7fc8c3f0e718:sub    rsp,0x50
    7fc8c3f0e71c:cmp    DWORD PTR [r15+0x20],0x0
    7fc8c3f0e724:jne    0x7fc8c3f0eabe
    7fc8c3f0e72a:mov    rcx,rsi
    7fc8c3f0e72d:mov    ebp,DWORD PTR [rsi+0x54]
    7fc8c3f0e730:test   ebp,ebp
    7fc8c3f0e732:jne    0x7fc8c3f0ea4c
    7fc8c3f0e738:mov    r11,QWORD PTR [rsi+0x10]
    7fc8c3f0e73c:movzx  ebp,BYTE PTR [rsi+0x38]
    7fc8c3f0e740:mov    r8,QWORD PTR [rsi+0x20]
    7fc8c3f0e744:test   ebp,ebp
    7fc8c3f0e746:jne    0x7fc8c3f0ea64
    7fc8c3f0e74c:mov    r10d,DWORD PTR [rsi+0x44]
    7fc8c3f0e750:movzx  r9d,BYTE PTR [r12+r10*8+0x4c]
    7fc8c3f0e756:test   r9d,r9d
    7fc8c3f0e759:je     0x7fc8c3f0ea28
    7fc8c3f0e75f:mov    r9d,DWORD PTR [r12+r10*8+0x5c]
    7fc8c3f0e764:mov    ebx,DWORD PTR [r12+r9*8+0xc]
    7fc8c3f0e769:mov    DWORD PTR [rsp+0x8],ebx
    7fc8c3f0e76d:mov    QWORD PTR [rsp],r8
    7fc8c3f0e771:vmovq  xmm0,rsi
    7fc8c3f0e776:mov    r8,QWORD PTR [r12+r10*8+0x38]
    7fc8c3f0e77b:mov    QWORD PTR [rsp+0x10],r8
    7fc8c3f0e780:mov    r8,QWORD PTR [r12+r10*8+0x20]
    7fc8c3f0e785:vmovq  xmm1,r8
    7fc8c3f0e78a:mov    rsi,r11
    7fc8c3f0e78d:and    rsi,0x7
    7fc8c3f0e791:lea    r8,[r12+r10*8]
    7fc8c3f0e795:vmovq  xmm3,r8
    7fc8c3f0e79a:lea    r8,[r12+r9*8]
    7fc8c3f0e79e:vmovq  xmm4,r8
    7fc8c3f0e7a3:vmovd  xmm2,r9d
    7fc8c3f0e7a8:movabs rbp,0x9e3779b97f4a7c15
    7fc8c3f0e7b2:xor    r8d,r8d
    7fc8c3f0e7b5:xor    eax,eax
    7fc8c3f0e7b7:jmp    0x7fc8c3f0e7cd
    7fc8c3f0e7b9:mov    r9,QWORD PTR [r15+0x30]
    7fc8c3f0e7bd:test   DWORD PTR [r9],eax
    7fc8c3f0e7c0:cmp    r8d,0x400
    7fc8c3f0e7c7:jge    0x7fc8c3f0e8f4
    7fc8c3f0e7cd:mov    r9d,0x400
    7fc8c3f0e7d3:sub    r9d,r8d
    7fc8c3f0e7d6:cmp    r9d,0x3e8
    7fc8c3f0e7dd:mov    ecx,0x3e8
    7fc8c3f0e7e2:cmova  r9d,ecx
    7fc8c3f0e7e6:add    r9d,r8d
    7fc8c3f0e7e9:jmp    0x7fc8c3f0e814
    7fc8c3f0e7eb:nop    DWORD PTR [rax+rax*1+0x0]
    7fc8c3f0e7f0:vmovq  rdx,xmm4
    7fc8c3f0e7f5:mov    BYTE PTR [rdx+rdi*1+0x10],0x1
    7fc8c3f0e7fa:mov    BYTE PTR [r14],0x1
    7fc8c3f0e7fe:vmovq  rdi,xmm1
    7fc8c3f0e803:add    rdi,rbx
    7fc8c3f0e806:mov    rbx,rdi
    7fc8c3f0e809:add    rax,QWORD PTR [rbx]
    7fc8c3f0e80c:inc    r8d
    7fc8c3f0e80f:cmp    r8d,r9d
    7fc8c3f0e812:jge    0x7fc8c3f0e7b9
    7fc8c3f0e814:movsxd rcx,r8d
    7fc8c3f0e817:imul   rcx,rbp
    7fc8c3f0e81b:add    rcx,QWORD PTR [rsp]
    7fc8c3f0e81f:add    rcx,rbp
    7fc8c3f0e822:mov    rdi,rcx
    7fc8c3f0e825:shr    rdi,0x21
    7fc8c3f0e829:xor    rdi,rcx
    7fc8c3f0e82c:movabs rbx,0xff51afd7ed558ccd
    7fc8c3f0e836:imul   rdi,rbx
    7fc8c3f0e83a:mov    rbx,rdi
    7fc8c3f0e83d:shr    rbx,0x21
    7fc8c3f0e841:xor    rbx,rdi
    7fc8c3f0e844:movabs rdi,0xc4ceb9fe1a85ec53
    7fc8c3f0e84e:imul   rbx,rdi
    7fc8c3f0e852:mov    rdi,rbx
    7fc8c3f0e855:shr    rdi,0x21
    7fc8c3f0e859:xor    rdi,rbx
    7fc8c3f0e85c:mov    rbx,rdi
    7fc8c3f0e85f:and    rbx,r11
    7fc8c3f0e862:jl     0x7fc8c3f0e90d
    7fc8c3f0e868:cmp    rbx,QWORD PTR [rsp+0x10]
    7fc8c3f0e86d:jg     0x7fc8c3f0e958
    7fc8c3f0e873:mov    rdx,rsi
    7fc8c3f0e876:and    rdx,rdi
    7fc8c3f0e879:jne    0x7fc8c3f0e9a4
    7fc8c3f0e87f:mov    rdi,rbx
    7fc8c3f0e882:shr    rdi,0x10
    7fc8c3f0e886:mov    r13,rdi
    7fc8c3f0e889:add    r13,QWORD PTR [r12+r10*8+0x40]
    7fc8c3f0e88e:mov    r14,r13
    7fc8c3f0e891:movsx  edx,BYTE PTR [r14]
    7fc8c3f0e895:test   dl,0x1
    7fc8c3f0e898:jne    0x7fc8c3f0e7fe
    7fc8c3f0e89e:test   edx,edx
    7fc8c3f0e8a0:jne    0x7fc8c3f0e9f0
    7fc8c3f0e8a6:mov    edi,edi
    7fc8c3f0e8a8:cmp    edi,DWORD PTR [rsp+0x8]
    7fc8c3f0e8ac:jb     0x7fc8c3f0e7f0
    7fc8c3f0e8b2:mov    esi,0xffffffe4
    7fc8c3f0e8b7:mov    rbp,rcx
    7fc8c3f0e8ba:mov    QWORD PTR [rsp],r11
    7fc8c3f0e8be:mov    DWORD PTR [rsp+0xc],r8d
    7fc8c3f0e8c3:mov    QWORD PTR [rsp+0x10],rax
    7fc8c3f0e8c8:mov    DWORD PTR [rsp+0x18],r10d
    7fc8c3f0e8cd:mov    QWORD PTR [rsp+0x20],rbx
    7fc8c3f0e8d2:mov    QWORD PTR [rsp+0x28],r13
    7fc8c3f0e8d7:mov    DWORD PTR [rsp+0x1c],edi
    7fc8c3f0e8db:vmovsd QWORD PTR [rsp+0x30],xmm0
    7fc8c3f0e8e1:vmovss DWORD PTR [rsp+0x38],xmm2
    7fc8c3f0e8e7:call   0x7fc8c3a65d60
    7fc8c3f0e8ec:nop    DWORD PTR [rax+rax*1+0x10002e4]
    7fc8c3f0e8f4:vmovq  r10,xmm0
    7fc8c3f0e8f9:mov    QWORD PTR [r10+0x20],rcx
    7fc8c3f0e8fd:add    rsp,0x50
    7fc8c3f0e901:pop    rbp
    7fc8c3f0e902:cmp    rsp,QWORD PTR [r15+0x28]
    7fc8c3f0e906:ja     0x7fc8c3f0eaa8
    7fc8c3f0e90c:ret
    7fc8c3f0e90d:xor    r9d,r9d
    7fc8c3f0e910:cmp    rbx,r9
    7fc8c3f0e913:mov    ebp,0xffffffff
    7fc8c3f0e918:jl     0x7fc8c3f0e922
    7fc8c3f0e91a:setne  bpl
    7fc8c3f0e91e:movzx  ebp,bpl
    7fc8c3f0e922:mov    esi,0xffffff45
    7fc8c3f0e927:mov    QWORD PTR [rsp],rcx
    7fc8c3f0e92b:mov    QWORD PTR [rsp+0x8],r11
    7fc8c3f0e930:mov    DWORD PTR [rsp+0x14],r8d
    7fc8c3f0e935:mov    QWORD PTR [rsp+0x18],rax
    7fc8c3f0e93a:mov    DWORD PTR [rsp+0x20],r10d
    7fc8c3f0e93f:mov    QWORD PTR [rsp+0x28],rbx
    7fc8c3f0e944:vmovsd QWORD PTR [rsp+0x30],xmm0
    7fc8c3f0e94a:nop
    7fc8c3f0e94b:call   0x7fc8c3a65d60
    7fc8c3f0e950:nop    DWORD PTR [rax+rax*1+0x2000348]
    7fc8c3f0e958:mov    r9,QWORD PTR [rsp+0x10]
    7fc8c3f0e95d:cmp    rbx,r9
    7fc8c3f0e960:mov    ebp,0xffffffff
    7fc8c3f0e965:jl     0x7fc8c3f0e96f
    7fc8c3f0e967:setne  bpl
    7fc8c3f0e96b:movzx  ebp,bpl
    7fc8c3f0e96f:mov    esi,0xffffff45
    7fc8c3f0e974:mov    QWORD PTR [rsp],rcx
    7fc8c3f0e978:mov    QWORD PTR [rsp+0x8],r11
    7fc8c3f0e97d:mov    DWORD PTR [rsp+0x14],r8d
    7fc8c3f0e982:mov    QWORD PTR [rsp+0x18],rax
    7fc8c3f0e987:mov    DWORD PTR [rsp+0x20],r10d
    7fc8c3f0e98c:mov    QWORD PTR [rsp+0x28],rbx
    7fc8c3f0e991:vmovsd QWORD PTR [rsp+0x30],xmm0
    7fc8c3f0e997:call   0x7fc8c3a65d60
    7fc8c3f0e99c:nop    DWORD PTR [rax+rax*1+0x3000394]
    7fc8c3f0e9a4:xor    r9d,r9d
    7fc8c3f0e9a7:cmp    rdx,r9
    7fc8c3f0e9aa:mov    ebp,0xffffffff
    7fc8c3f0e9af:jl     0x7fc8c3f0e9b9
    7fc8c3f0e9b1:setne  bpl
    7fc8c3f0e9b5:movzx  ebp,bpl
    7fc8c3f0e9b9:mov    esi,0xffffff45
    7fc8c3f0e9be:mov    QWORD PTR [rsp],rcx
    7fc8c3f0e9c2:mov    QWORD PTR [rsp+0x8],r11
    7fc8c3f0e9c7:mov    DWORD PTR [rsp+0x14],r8d
    7fc8c3f0e9cc:mov    QWORD PTR [rsp+0x18],rax
    7fc8c3f0e9d1:mov    DWORD PTR [rsp+0x20],r10d
    7fc8c3f0e9d6:mov    QWORD PTR [rsp+0x30],rbx
    7fc8c3f0e9db:vmovsd QWORD PTR [rsp+0x38],xmm0
    7fc8c3f0e9e1:xchg   ax,ax
    7fc8c3f0e9e3:call   0x7fc8c3a65d60
    7fc8c3f0e9e8:nop    DWORD PTR [rax+rax*1+0x40003e0]
    7fc8c3f0e9f0:mov    esi,0xffffff45
    7fc8c3f0e9f5:mov    rbp,rcx
    7fc8c3f0e9f8:mov    QWORD PTR [rsp],r11
    7fc8c3f0e9fc:mov    DWORD PTR [rsp+0xc],r8d
    7fc8c3f0ea01:mov    QWORD PTR [rsp+0x10],rax
    7fc8c3f0ea06:mov    DWORD PTR [rsp+0x18],r10d
    7fc8c3f0ea0b:mov    QWORD PTR [rsp+0x20],rbx
    7fc8c3f0ea10:mov    DWORD PTR [rsp+0x1c],edx
    7fc8c3f0ea14:vmovsd QWORD PTR [rsp+0x28],xmm0
    7fc8c3f0ea1a:nop
    7fc8c3f0ea1b:call   0x7fc8c3a65d60
    7fc8c3f0ea20:nop    DWORD PTR [rax+rax*1+0x5000418]
    7fc8c3f0ea28:mov    esi,0xffffff6e
    7fc8c3f0ea2d:mov    rbp,r8
    7fc8c3f0ea30:mov    QWORD PTR [rsp],r11
    7fc8c3f0ea34:mov    DWORD PTR [rsp+0x8],r10d
    7fc8c3f0ea39:mov    QWORD PTR [rsp+0x10],rcx
    7fc8c3f0ea3e:nop
    7fc8c3f0ea3f:call   0x7fc8c3a65d60
    7fc8c3f0ea44:nop    DWORD PTR [rax+rax*1+0x600043c]
    7fc8c3f0ea4c:mov    esi,0xffffffa5
    7fc8c3f0ea51:mov    QWORD PTR [rsp],rcx
    7fc8c3f0ea55:xchg   ax,ax
    7fc8c3f0ea57:call   0x7fc8c3a65d60
    7fc8c3f0ea5c:nop    DWORD PTR [rax+rax*1+0x7000454]
    7fc8c3f0ea64:mov    esi,0xffffff45
    7fc8c3f0ea69:mov    QWORD PTR [rsp],r8
    7fc8c3f0ea6d:mov    QWORD PTR [rsp+0x8],r11
    7fc8c3f0ea72:mov    QWORD PTR [rsp+0x10],rcx
    7fc8c3f0ea77:call   0x7fc8c3a65d60
    7fc8c3f0ea7c:nop    DWORD PTR [rax+rax*1+0x8000474]
    7fc8c3f0ea84:mov    esi,0xffffffbe
    7fc8c3f0ea89:mov    rbp,r8
    7fc8c3f0ea8c:mov    QWORD PTR [rsp],r11
    7fc8c3f0ea90:mov    DWORD PTR [rsp+0x8],r10d
    7fc8c3f0ea95:mov    QWORD PTR [rsp+0x10],rcx
    7fc8c3f0ea9a:nop
    7fc8c3f0ea9b:call   0x7fc8c3a65d60
    7fc8c3f0eaa0:nop    DWORD PTR [rax+rax*1+0x9000498]
    7fc8c3f0eaa8:movabs r10,0x7fc8c3f0e902
    7fc8c3f0eab2:mov    QWORD PTR [r15+0x538],r10
    7fc8c3f0eab9:jmp    0x7fc8c3989b60
    7fc8c3f0eabe:call   0x7fc8c39705c0
    7fc8c3f0eac3:jmp    0x7fc8c3f0e72a
    7fc8c3f0eac8:jmp    0x7fc8c3a66060
    7fc8c3f0eacd:call   0x7fc8c3f0ead2
    7fc8c3f0ead2:sub    QWORD PTR [rsp],0x5
    7fc8c3f0ead7:jmp    0x7fc8c39882e0
    7fc8c3f0eadc:hlt
    7fc8c3f0eadd:hlt
    7fc8c3f0eade:hlt
    7fc8c3f0eadf:hlt
