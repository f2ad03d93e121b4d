    7ff4a4f11ba0:mov    r10d,DWORD PTR [rsi+0x8]
    7ff4a4f11ba4:movabs r11,0x7ff437000000
    7ff4a4f11bae:add    r10,r11
    7ff4a4f11bb1:cmp    rax,r10
    7ff4a4f11bb4:jne    0x7ff4a4989180
    7ff4a4f11bba:xchg   ax,ax
    7ff4a4f11bbc:nop    DWORD PTR [rax+0x0]
    7ff4a4f11bc0:mov    DWORD PTR [rsp-0x14000],eax
    7ff4a4f11bc7:push   rbp
    7ff4a4f11bc8:sub    rsp,0x30
    7ff4a4f11bcc:mov    rbp,rsi
    7ff4a4f11bcf:call   0x7ff4a4989680
    7ff4a4f11bd4:mov    r11,rbp
    7ff4a4f11bd7:movzx  ebp,BYTE PTR [r11+0x38]
    7ff4a4f11bdc:mov    rcx,QWORD PTR [r11+0x20]
    7ff4a4f11be0:mov    r9,QWORD PTR [r11+0x10]
    7ff4a4f11be4:test   ebp,ebp
    7ff4a4f11be6:je     0x7ff4a4f12030
    7ff4a4f11bec:mov    r10d,DWORD PTR [r11+0x48]
    7ff4a4f11bf0:mov    r8,QWORD PTR [r12+r10*8+0x10]
    7ff4a4f11bf5:vmovq  xmm3,r8
    7ff4a4f11bfa:cmp    r12d,DWORD PTR [r12+r10*8+0x18]
    7ff4a4f11bff:jne    0x7ff4a4f12015
    7ff4a4f11c05:vmovd  xmm1,r10d
    7ff4a4f11c0a:vmovq  xmm0,r11
    7ff4a4f11c0f:movabs r10,0x9e3779b97f4a7c15
    7ff4a4f11c19:add    rcx,r10
    7ff4a4f11c1c:mov    r10,rcx
    7ff4a4f11c1f:shr    r10,0x21
    7ff4a4f11c23:xor    r10,rcx
    7ff4a4f11c26:movabs r11,0xff51afd7ed558ccd
    7ff4a4f11c30:imul   r10,r11
    7ff4a4f11c34:mov    r11,r10
    7ff4a4f11c37:shr    r11,0x21
    7ff4a4f11c3b:xor    r11,r10
    7ff4a4f11c3e:movabs r10,0xc4ceb9fe1a85ec53
    7ff4a4f11c48:imul   r11,r10
    7ff4a4f11c4c:mov    r10,r11
    7ff4a4f11c4f:shr    r10,0x21
    7ff4a4f11c53:xor    r10,r11
    7ff4a4f11c56:and    r10,r9
    7ff4a4f11c59:mov    r10d,r10d
    7ff4a4f11c5c:movsxd r10,r10d
    7ff4a4f11c5f:mov    r11,r8
    7ff4a4f11c62:mov    rax,QWORD PTR [r11+r10*1]
    7ff4a4f11c66:mov    r10d,0x1
    7ff4a4f11c6c:vmovd  xmm2,r10d
    7ff4a4f11c71:jmp    0x7ff4a4f11c85
    7ff4a4f11c73:nop    DWORD PTR [rax+0x0]
    7ff4a4f11c7a:nop    WORD PTR [rax+rax*1+0x0]
    7ff4a4f11c80:vmovd  xmm2,r11d
    7ff4a4f11c85:mov    r8,rcx
    7ff4a4f11c88:movabs r10,0x1715609f7c746c69
    7ff4a4f11c92:add    r8,r10
    7ff4a4f11c95:mov    rdi,rcx
    7ff4a4f11c98:movabs r10,0x78dde6e5fd29f054
    7ff4a4f11ca2:add    rdi,r10
    7ff4a4f11ca5:mov    rsi,rcx
    7ff4a4f11ca8:movabs r10,0xdaa66d2c7ddf743f
    7ff4a4f11cb2:add    rsi,r10
    7ff4a4f11cb5:mov    r11,rcx
    7ff4a4f11cb8:movabs r10,0x3c6ef372fe94f82a
    7ff4a4f11cc2:add    r11,r10
    7ff4a4f11cc5:mov    rbx,rcx
    7ff4a4f11cc8:movabs r10,0xb54cda58fbbee87e
    7ff4a4f11cd2:add    rbx,r10
    7ff4a4f11cd5:mov    rdx,rcx
    7ff4a4f11cd8:movabs r10,0x538454127b096493
    7ff4a4f11ce2:add    rdx,r10
    7ff4a4f11ce5:mov    r13,rcx
    7ff4a4f11ce8:movabs r10,0x9e3779b97f4a7c15
    7ff4a4f11cf2:add    r13,r10
    7ff4a4f11cf5:movabs r10,0xf1bbcdcbfa53e0a8
    7ff4a4f11cff:add    rcx,r10
    7ff4a4f11d02:mov    r10,r8
    7ff4a4f11d05:shr    r10,0x21
    7ff4a4f11d09:xor    r10,r8
    7ff4a4f11d0c:movabs r8,0xff51afd7ed558ccd
    7ff4a4f11d16:imul   r10,r8
    7ff4a4f11d1a:mov    rbp,rcx
    7ff4a4f11d1d:shr    rbp,0x21
    7ff4a4f11d21:xor    rbp,rcx
    7ff4a4f11d24:imul   rbp,r8
    7ff4a4f11d28:mov    r8,r10
    7ff4a4f11d2b:shr    r8,0x21
    7ff4a4f11d2f:xor    r8,r10
    7ff4a4f11d32:movabs r10,0xc4ceb9fe1a85ec53
    7ff4a4f11d3c:imul   r8,r10
    7ff4a4f11d40:mov    r10,rbp
    7ff4a4f11d43:shr    r10,0x21
    7ff4a4f11d47:xor    r10,rbp
    7ff4a4f11d4a:movabs rbp,0xc4ceb9fe1a85ec53
    7ff4a4f11d54:imul   r10,rbp
    7ff4a4f11d58:mov    rbp,r8
    7ff4a4f11d5b:shr    rbp,0x21
    7ff4a4f11d5f:xor    rbp,r8
    7ff4a4f11d62:and    rbp,r9
    7ff4a4f11d65:mov    r8,r10
    7ff4a4f11d68:shr    r8,0x21
    7ff4a4f11d6c:xor    r8,r10
    7ff4a4f11d6f:and    r8,r9
    7ff4a4f11d72:mov    r10d,ebp
    7ff4a4f11d75:mov    r8d,r8d
    7ff4a4f11d78:movsxd rbp,r10d
    7ff4a4f11d7b:movsxd r8,r8d
    7ff4a4f11d7e:mov    r14,r13
    7ff4a4f11d81:shr    r14,0x21
    7ff4a4f11d85:xor    r14,r13
    7ff4a4f11d88:movabs r10,0xff51afd7ed558ccd
    7ff4a4f11d92:imul   r14,r10
    7ff4a4f11d96:mov    r10,rdx
    7ff4a4f11d99:shr    r10,0x21
    7ff4a4f11d9d:xor    r10,rdx
    7ff4a4f11da0:movabs rdx,0xff51afd7ed558ccd
    7ff4a4f11daa:imul   r10,rdx
    7ff4a4f11dae:mov    rdx,r14
    7ff4a4f11db1:shr    rdx,0x21
    7ff4a4f11db5:xor    rdx,r14
    7ff4a4f11db8:movabs r13,0xc4ceb9fe1a85ec53
    7ff4a4f11dc2:imul   rdx,r13
    7ff4a4f11dc6:mov    r13,r10
    7ff4a4f11dc9:shr    r13,0x21
    7ff4a4f11dcd:xor    r13,r10
    7ff4a4f11dd0:movabs r10,0xc4ceb9fe1a85ec53
    7ff4a4f11dda:imul   r13,r10
    7ff4a4f11dde:mov    r10,rdx
    7ff4a4f11de1:shr    r10,0x21
    7ff4a4f11de5:xor    r10,rdx
    7ff4a4f11de8:and    r10,r9
    7ff4a4f11deb:mov    rdx,r13
    7ff4a4f11dee:shr    rdx,0x21
    7ff4a4f11df2:xor    rdx,r13
    7ff4a4f11df5:and    rdx,r9
    7ff4a4f11df8:mov    r10d,r10d
    7ff4a4f11dfb:mov    edx,edx
    7ff4a4f11dfd:movsxd r13,r10d
    7ff4a4f11e00:vmovq  r10,xmm3
    7ff4a4f11e05:add    rax,QWORD PTR [r10+r13*1]
    7ff4a4f11e09:movsxd rdx,edx
    7ff4a4f11e0c:mov    r13,rbx
    7ff4a4f11e0f:shr    r13,0x21
    7ff4a4f11e13:xor    r13,rbx
    7ff4a4f11e16:movabs r10,0xff51afd7ed558ccd
    7ff4a4f11e20:imul   r13,r10
    7ff4a4f11e24:mov    r10,r11
    7ff4a4f11e27:shr    r10,0x21
    7ff4a4f11e2b:xor    r10,r11
    7ff4a4f11e2e:movabs r11,0xff51afd7ed558ccd
    7ff4a4f11e38:imul   r10,r11
    7ff4a4f11e3c:mov    r11,r13
    7ff4a4f11e3f:shr    r11,0x21
    7ff4a4f11e43:xor    r11,r13
    7ff4a4f11e46:movabs rbx,0xc4ceb9fe1a85ec53
    7ff4a4f11e50:imul   r11,rbx
    7ff4a4f11e54:mov    rbx,r10
    7ff4a4f11e57:shr    rbx,0x21
    7ff4a4f11e5b:xor    rbx,r10
    7ff4a4f11e5e:movabs r10,0xc4ceb9fe1a85ec53
    7ff4a4f11e68:imul   rbx,r10
    7ff4a4f11e6c:mov    r10,r11
    7ff4a4f11e6f:shr    r10,0x21
    7ff4a4f11e73:xor    r10,r11
    7ff4a4f11e76:and    r10,r9
    7ff4a4f11e79:mov    r11,rbx
    7ff4a4f11e7c:shr    r11,0x21
    7ff4a4f11e80:xor    r11,rbx
    7ff4a4f11e83:and    r11,r9
    7ff4a4f11e86:mov    r10d,r10d
    7ff4a4f11e89:mov    r11d,r11d
    7ff4a4f11e8c:movsxd r13,r10d
    7ff4a4f11e8f:movsxd r11,r11d
    7ff4a4f11e92:vmovq  r10,xmm3
    7ff4a4f11e97:add    rax,QWORD PTR [r10+r11*1]
    7ff4a4f11e9b:mov    r11,rsi
    7ff4a4f11e9e:shr    r11,0x21
    7ff4a4f11ea2:xor    r11,rsi
    7ff4a4f11ea5:movabs r10,0xff51afd7ed558ccd
    7ff4a4f11eaf:imul   r11,r10
    7ff4a4f11eb3:mov    r10,rdi
    7ff4a4f11eb6:shr    r10,0x21
    7ff4a4f11eba:xor    r10,rdi
    7ff4a4f11ebd:movabs rbx,0xff51afd7ed558ccd
    7ff4a4f11ec7:imul   r10,rbx
    7ff4a4f11ecb:mov    rbx,r11
    7ff4a4f11ece:shr    rbx,0x21
    7ff4a4f11ed2:xor    rbx,r11
    7ff4a4f11ed5:movabs r11,0xc4ceb9fe1a85ec53
    7ff4a4f11edf:imul   rbx,r11
    7ff4a4f11ee3:mov    r11,r10
    7ff4a4f11ee6:shr    r11,0x21
    7ff4a4f11eea:xor    r11,r10
    7ff4a4f11eed:movabs r10,0xc4ceb9fe1a85ec53
    7ff4a4f11ef7:imul   r11,r10
    7ff4a4f11efb:mov    r10,rbx
    7ff4a4f11efe:shr    r10,0x21
    7ff4a4f11f02:xor    r10,rbx
    7ff4a4f11f05:and    r10,r9
    7ff4a4f11f08:mov    rbx,r11
    7ff4a4f11f0b:shr    rbx,0x21
    7ff4a4f11f0f:xor    rbx,r11
    7ff4a4f11f12:and    rbx,r9
    7ff4a4f11f15:mov    r10d,r10d
    7ff4a4f11f18:mov    ebx,ebx
    7ff4a4f11f1a:movsxd r10,r10d
    7ff4a4f11f1d:vmovq  r11,xmm3
    7ff4a4f11f22:add    rax,QWORD PTR [r11+r10*1]
    7ff4a4f11f26:movsxd r11,ebx
    7ff4a4f11f29:vmovq  r10,xmm3
    7ff4a4f11f2e:add    rax,QWORD PTR [r10+r11*1]
    7ff4a4f11f32:vmovq  r10,xmm3
    7ff4a4f11f37:add    rax,QWORD PTR [r10+rbp*1]
    7ff4a4f11f3b:vmovq  r10,xmm3
    7ff4a4f11f40:add    rax,QWORD PTR [r10+r13*1]
    7ff4a4f11f44:vmovq  r10,xmm3
    7ff4a4f11f49:add    rax,QWORD PTR [r10+rdx*1]
    7ff4a4f11f4d:vmovq  r10,xmm3
    7ff4a4f11f52:add    rax,QWORD PTR [r10+r8*1]
    7ff4a4f11f56:vmovd  r11d,xmm2
    7ff4a4f11f5b:add    r11d,0x8
    7ff4a4f11f5f:cmp    r11d,0x3f9
    7ff4a4f11f66:jl     0x7ff4a4f11c80
    7ff4a4f11f6c:vmovd  r8d,xmm1
    7ff4a4f11f71:lea    r10,[r12+r8*8]
    7ff4a4f11f75:mov    r8,QWORD PTR [r15+0x348]
    7ff4a4f11f7c:test   DWORD PTR [r8],eax
    7ff4a4f11f7f:cmp    r11d,0x400
    7ff4a4f11f86:jge    0x7ff4a4f11ff9
    7ff4a4f11f88:vmovd  r10d,xmm2
    7ff4a4f11f8d:add    r10d,0x8
    7ff4a4f11f91:data16 xchg ax,ax
    7ff4a4f11f94:movabs r11,0x9e3779b97f4a7c15
    7ff4a4f11f9e:add    rcx,r11
    7ff4a4f11fa1:mov    r11,rcx
    7ff4a4f11fa4:shr    r11,0x21
    7ff4a4f11fa8:xor    r11,rcx
    7ff4a4f11fab:movabs r8,0xff51afd7ed558ccd
    7ff4a4f11fb5:imul   r11,r8
    7ff4a4f11fb9:mov    r8,r11
    7ff4a4f11fbc:shr    r8,0x21
    7ff4a4f11fc0:xor    r8,r11
    7ff4a4f11fc3:movabs r11,0xc4ceb9fe1a85ec53
    7ff4a4f11fcd:imul   r8,r11
    7ff4a4f11fd1:mov    r11,r8
    7ff4a4f11fd4:shr    r11,0x21
    7ff4a4f11fd8:xor    r11,r8
    7ff4a4f11fdb:and    r11,r9
    7ff4a4f11fde:mov    r8d,r11d
    7ff4a4f11fe1:movsxd r11,r8d
    7ff4a4f11fe4:vmovq  r8,xmm3
    7ff4a4f11fe9:add    rax,QWORD PTR [r8+r11*1]
    7ff4a4f11fed:inc    r10d
    7ff4a4f11ff0:cmp    r10d,0x400
    7ff4a4f11ff7:jl     0x7ff4a4f11f94
    7ff4a4f11ff9:vmovq  r10,xmm0
    7ff4a4f11ffe:mov    QWORD PTR [r10+0x20],rcx
    7ff4a4f12002:add    rsp,0x30
    7ff4a4f12006:pop    rbp
    7ff4a4f12007:cmp    rsp,QWORD PTR [r15+0x340]
    7ff4a4f1200e:ja     0x7ff4a4f12055
    7ff4a4f12014:ret
    7ff4a4f12015:mov    esi,0xffffff76
    7ff4a4f1201a:mov    rbp,rcx
    7ff4a4f1201d:mov    QWORD PTR [rsp],r9
    7ff4a4f12021:mov    QWORD PTR [rsp+0x8],r11
    7ff4a4f12026:mov    DWORD PTR [rsp+0x10],r10d
    7ff4a4f1202b:call   0x7ff4a4991a80
    7ff4a4f12030:mov    esi,0xffffff45
    7ff4a4f12035:mov    QWORD PTR [rsp],rcx
    7ff4a4f12039:mov    QWORD PTR [rsp+0x8],r9
    7ff4a4f1203e:mov    QWORD PTR [rsp+0x10],r11
    7ff4a4f12043:call   0x7ff4a4991a80
    7ff4a4f12048:mov    rsi,rax
    7ff4a4f1204b:add    rsp,0x30
    7ff4a4f1204f:pop    rbp
    7ff4a4f12050:jmp    0x7ff4a4a38580
    7ff4a4f12055:movabs r10,0x7ff4a4f12007
    7ff4a4f1205f:mov    QWORD PTR [r15+0x358],r10
    7ff4a4f12066:jmp    0x7ff4a4990900
    7ff4a4f1206b:hlt
    7ff4a4f1206c:hlt
    7ff4a4f1206d:hlt
    7ff4a4f1206e:hlt
    7ff4a4f1206f:hlt
    7ff4a4f12070:hlt
    7ff4a4f12071:hlt
    7ff4a4f12072:hlt
    7ff4a4f12073:hlt
    7ff4a4f12074:hlt
    7ff4a4f12075:hlt
    7ff4a4f12076:hlt
    7ff4a4f12077:hlt
    7ff4a4f12078:hlt
    7ff4a4f12079:hlt
    7ff4a4f1207a:hlt
    7ff4a4f1207b:hlt
    7ff4a4f1207c:hlt
    7ff4a4f1207d:hlt
    7ff4a4f1207e:hlt
    7ff4a4f1207f:hlt
    7ff4a4f12080:movabs rbx,0x7ff43347ffa0
    7ff4a4f1208a:jmp    0x7ff4a498e659
    7ff4a4f1208f:jmp    0x7ff4a499e800
    7ff4a4f12094:call   0x7ff4a4f12099
    7ff4a4f12099:sub    QWORD PTR [rsp],0x5
    7ff4a4f1209e:jmp    0x7ff4a4991da0
    7ff4a4f120a3:hlt
    7ff4a4f120a4:hlt
    7ff4a4f120a5:hlt
    7ff4a4f120a6:hlt
    7ff4a4f120a7:hlt
    7ff4a4f120a8:mov    r10d,DWORD PTR [rsi+0x8]
    7ff4a4f120ac:movabs r11,0x7fc207000000
    7ff4a4f120b6:add    r10,r11
    7ff4a4f120b9:cmp    r10,rax
    7ff4a4f120bc:jne    0x7ff4ac3c3408
    7ff4a4f120c2:nop    WORD PTR [rax+rax*1+0x0]
    7ff4a4f120c8:mov    DWORD PTR [rsp-0x14000],eax
    7ff4a4f120cf:push   rbp
    7ff4a4f120d0:sub    rsp,0xe0
    7ff4a4f120d7:mov    QWORD PTR [rsp+0x50],rsi
    7ff4a4f120dc:movabs rdi,0x7fc2034fe700
    7ff4a4f120e6:mov    ebx,DWORD PTR [rdi+0xf4]
    7ff4a4f120ec:add    ebx,0x2
    7ff4a4f120ef:mov    DWORD PTR [rdi+0xf4],ebx
    7ff4a4f120f5:and    ebx,0x7fe
    7ff4a4f120fb:cmp    ebx,0x0
    7ff4a4f120fe:je     0x7ff4a4f12683
    7ff4a4f12104:mov    rdi,rsi
    7ff4a4f12107:movabs rbx,0x7fc2034fe700
    7ff4a4f12111:add    QWORD PTR [rbx+0x138],0x1
    7ff4a4f12119:movabs rdi,0x7fc2034fe9e8
    7ff4a4f12123:mov    ebx,DWORD PTR [rdi+0xf4]
    7ff4a4f12129:add    ebx,0x2
    7ff4a4f1212c:mov    DWORD PTR [rdi+0xf4],ebx
    7ff4a4f12132:and    ebx,0x1ffffe
    7ff4a4f12138:cmp    ebx,0x0
    7ff4a4f1213b:je     0x7ff4a4f126a4
    7ff4a4f12141:mov    edi,DWORD PTR [rsi+0x54]
    7ff4a4f12144:shl    rdi,0x3
    7ff4a4f12148:cmp    rdi,0x0
    7ff4a4f1214c:movabs rbx,0x7fc2034fe9e8
    7ff4a4f12156:mov    rax,0x138
    7ff4a4f1215d:je     0x7ff4a4f1216a
    7ff4a4f12163:mov    rax,0x148
    7ff4a4f1216a:mov    rdx,QWORD PTR [rbx+rax*1]
    7ff4a4f1216e:lea    rdx,[rdx+0x1]
    7ff4a4f12172:mov    QWORD PTR [rbx+rax*1],rdx
    7ff4a4f12176:je     0x7ff4a4f12224
    7ff4a4f1217c:cmp    rax,QWORD PTR [rdi]
    7ff4a4f1217f:mov    rbx,rdi
    7ff4a4f12182:movabs rax,0x7fc2034fe9e8
    7ff4a4f1218c:mov    ebx,DWORD PTR [rbx+0x8]
    7ff4a4f1218f:movabs r10,0x7fc207000000
    7ff4a4f12199:add    rbx,r10
    7ff4a4f1219c:cmp    rbx,QWORD PTR [rax+0x168]
    7ff4a4f121a3:jne    0x7ff4a4f121b2
    7ff4a4f121a5:add    QWORD PTR [rax+0x170],0x1
    7ff4a4f121ad:jmp    0x7ff4a4f12218
    7ff4a4f121b2:cmp    rbx,QWORD PTR [rax+0x178]
    7ff4a4f121b9:jne    0x7ff4a4f121c8
    7ff4a4f121bb:add    QWORD PTR [rax+0x180],0x1
    7ff4a4f121c3:jmp    0x7ff4a4f12218
    7ff4a4f121c8:cmp    QWORD PTR [rax+0x168],0x0
    7ff4a4f121d3:jne    0x7ff4a4f121ec
    7ff4a4f121d5:mov    QWORD PTR [rax+0x168],rbx
    7ff4a4f121dc:mov    QWORD PTR [rax+0x170],0x1
    7ff4a4f121e7:jmp    0x7ff4a4f12218
    7ff4a4f121ec:cmp    QWORD PTR [rax+0x178],0x0
    7ff4a4f121f7:jne    0x7ff4a4f12210
    7ff4a4f121f9:mov    QWORD PTR [rax+0x178],rbx
    7ff4a4f12200:mov    QWORD PTR [rax+0x180],0x1
    7ff4a4f1220b:jmp    0x7ff4a4f12218
    7ff4a4f12210:add    QWORD PTR [rax+0x158],0x1
    7ff4a4f12218:mov    rsi,rdi
    7ff4a4f1221b:nop    DWORD PTR [rax+0x0]
    7ff4a4f1221f:call   0x7ff4ac3c3908
    7ff4a4f12224:mov    rsi,QWORD PTR [rsp+0x50]
    7ff4a4f12229:mov    rdi,QWORD PTR [rsi+0x20]
    7ff4a4f1222d:mov    rbx,QWORD PTR [rsi+0x10]
    7ff4a4f12231:mov    QWORD PTR [rsp+0x60],rbx
    7ff4a4f12236:movsx  eax,BYTE PTR [rsi+0x38]
    7ff4a4f1223a:cmp    eax,0x0
    7ff4a4f1223d:movabs rax,0x7fc2034fe700
    7ff4a4f12247:mov    rdx,0x170
    7ff4a4f1224e:je     0x7ff4a4f1225b
    7ff4a4f12254:mov    rdx,0x180
    7ff4a4f1225b:mov    rcx,QWORD PTR [rax+rdx*1]
    7ff4a4f1225f:lea    rcx,[rcx+0x1]
    7ff4a4f12263:mov    QWORD PTR [rax+rdx*1],rcx
    7ff4a4f12267:je     0x7ff4a4f1241c
    7ff4a4f1226d:mov    eax,DWORD PTR [rsi+0x48]
    7ff4a4f12270:shl    rax,0x3
    7ff4a4f12274:mov    QWORD PTR [rsp+0x58],rax
    7ff4a4f12279:mov    edx,0x0
    7ff4a4f1227e:mov    rcx,0x0
    7ff4a4f12285:jmp    0x7ff4a4f123dc
    7ff4a4f1228a:nop    WORD PTR [rax+rax*1+0x0]
    7ff4a4f12290:mov    DWORD PTR [rsp+0x70],edx
    7ff4a4f12294:movabs r10,0x9e3779b97f4a7c15
    7ff4a4f1229e:add    rdi,r10
    7ff4a4f122a1:movabs r8,0x7fc2034fe700
    7ff4a4f122ab:add    QWORD PTR [r8+0x1b0],0x1
    7ff4a4f122b3:mov    rsi,rdi
    7ff4a4f122b6:mov    QWORD PTR [rsp+0x78],rdi
    7ff4a4f122bb:nop    DWORD PTR [rax+0x0]
    7ff4a4f122bf:call   0x7ff4ac3c4308
    7ff4a4f122c4:mov    rdi,QWORD PTR [rsp+0x58]
    7ff4a4f122c9:cmp    rax,QWORD PTR [rdi]
    7ff4a4f122cc:mov    rdx,rdi
    7ff4a4f122cf:movabs rsi,0x7fc2034fe700
    7ff4a4f122d9:mov    edx,DWORD PTR [rdx+0x8]
    7ff4a4f122dc:movabs r10,0x7fc207000000
    7ff4a4f122e6:add    rdx,r10
    7ff4a4f122e9:cmp    rdx,QWORD PTR [rsi+0x1d0]
    7ff4a4f122f0:jne    0x7ff4a4f122ff
    7ff4a4f122f2:add    QWORD PTR [rsi+0x1d8],0x1
    7ff4a4f122fa:jmp    0x7ff4a4f12365
    7ff4a4f122ff:cmp    rdx,QWORD PTR [rsi+0x1e0]
    7ff4a4f12306:jne    0x7ff4a4f12315
    7ff4a4f12308:add    QWORD PTR [rsi+0x1e8],0x1
    7ff4a4f12310:jmp    0x7ff4a4f12365
    7ff4a4f12315:cmp    QWORD PTR [rsi+0x1d0],0x0
    7ff4a4f12320:jne    0x7ff4a4f12339
    7ff4a4f12322:mov    QWORD PTR [rsi+0x1d0],rdx
    7ff4a4f12329:mov    QWORD PTR [rsi+0x1d8],0x1
    7ff4a4f12334:jmp    0x7ff4a4f12365
    7ff4a4f12339:cmp    QWORD PTR [rsi+0x1e0],0x0
    7ff4a4f12344:jne    0x7ff4a4f1235d
    7ff4a4f12346:mov    QWORD PTR [rsi+0x1e0],rdx
    7ff4a4f1234d:mov    QWORD PTR [rsi+0x1e8],0x1
    7ff4a4f12358:jmp    0x7ff4a4f12365
    7ff4a4f1235d:add    QWORD PTR [rsi+0x1c0],0x1
    7ff4a4f12365:mov    rbx,QWORD PTR [rsp+0x60]
    7ff4a4f1236a:and    rax,rbx
    7ff4a4f1236d:mov    eax,eax
    7ff4a4f1236f:mov    rdx,rax
    7ff4a4f12372:mov    rsi,rdi
    7ff4a4f12375:movabs rax,0xffffffffffffffff
    7ff4a4f1237f:call   0x7ff4ac3c3e08
    7ff4a4f12384:mov    rcx,QWORD PTR [rsp+0x68]
    7ff4a4f12389:add    rax,rcx
    7ff4a4f1238c:mov    edx,DWORD PTR [rsp+0x70]
    7ff4a4f12390:inc    edx
    7ff4a4f12392:movabs rsi,0x7fc2034fe700
    7ff4a4f1239c:mov    edi,DWORD PTR [rsi+0xf8]
    7ff4a4f123a2:add    edi,0x2
    7ff4a4f123a5:mov    DWORD PTR [rsi+0xf8],edi
    7ff4a4f123ab:and    edi,0x3ffe
    7ff4a4f123b1:cmp    edi,0x0
    7ff4a4f123b4:je     0x7ff4a4f126cf
    7ff4a4f123ba:mov    r10,QWORD PTR [r15+0x348]
    7ff4a4f123c1:test   DWORD PTR [r10],eax
    7ff4a4f123c4:movabs rsi,0x7fc2034fe700
    7ff4a4f123ce:inc    DWORD PTR [rsi+0x1f8]
    7ff4a4f123d4:mov    rcx,rax
    7ff4a4f123d7:mov    rdi,QWORD PTR [rsp+0x78]
    7ff4a4f123dc:mov    QWORD PTR [rsp+0x68],rcx
    7ff4a4f123e1:cmp    edx,0x400
    7ff4a4f123e7:movabs r8,0x7fc2034fe700
    7ff4a4f123f1:mov    r9,0x190
    7ff4a4f123f8:jge    0x7ff4a4f12405
    7ff4a4f123fe:mov    r9,0x1a0
    7ff4a4f12405:mov    r11,QWORD PTR [r8+r9*1]
    7ff4a4f12409:lea    r11,[r11+0x1]
    7ff4a4f1240d:mov    QWORD PTR [r8+r9*1],r11
    7ff4a4f12411:jge    0x7ff4a4f12590
    7ff4a4f12417:jmp    0x7ff4a4f12290
    7ff4a4f1241c:mov    eax,DWORD PTR [rsi+0x44]
    7ff4a4f1241f:shl    rax,0x3
    7ff4a4f12423:mov    edx,0x0
    7ff4a4f12428:mov    rcx,0x0
    7ff4a4f1242f:mov    QWORD PTR [rsp+0xa8],rax
    7ff4a4f12437:mov    QWORD PTR [rsp+0xb0],rbx
    7ff4a4f1243f:mov    QWORD PTR [rsp+0xb8],rcx
    7ff4a4f12447:mov    QWORD PTR [rsp+0xd0],rsi
    7ff4a4f1244f:jmp    0x7ff4a4f12545
    7ff4a4f12454:nop    DWORD PTR [rax+0x0]
    7ff4a4f12458:mov    DWORD PTR [rsp+0xc0],edx
    7ff4a4f1245f:movabs r10,0x9e3779b97f4a7c15
    7ff4a4f12469:add    rdi,r10
    7ff4a4f1246c:movabs r8,0x7fc2034fe700
    7ff4a4f12476:add    QWORD PTR [r8+0x248],0x1
    7ff4a4f1247e:mov    rsi,rdi
    7ff4a4f12481:mov    QWORD PTR [rsp+0xc8],rdi
    7ff4a4f12489:nop    WORD PTR [rax+rax*1+0x0]
    7ff4a4f1248f:call   0x7ff4ac94c608
    7ff4a4f12494:mov    rdi,QWORD PTR [rsp+0xa8]
    7ff4a4f1249c:cmp    rax,QWORD PTR [rdi]
    7ff4a4f1249f:mov    rdx,rdi
    7ff4a4f124a2:movabs rsi,0x7fc2034fe700
    7ff4a4f124ac:add    QWORD PTR [rsi+0x258],0x1
    7ff4a4f124b4:mov    rbx,QWORD PTR [rsp+0xb0]
    7ff4a4f124bc:and    rax,rbx
    7ff4a4f124bf:mov    rdx,rax
    7ff4a4f124c2:mov    rsi,rdi
    7ff4a4f124c5:mov    QWORD PTR [rsp+0xa8],rdi
    7ff4a4f124cd:mov    QWORD PTR [rsp+0xb0],rbx
    7ff4a4f124d5:xchg   ax,ax
    7ff4a4f124d7:call   0x7ff4ac94ccc8
    7ff4a4f124dc:mov    rcx,QWORD PTR [rsp+0xb8]
    7ff4a4f124e4:add    rax,rcx
    7ff4a4f124e7:mov    edx,DWORD PTR [rsp+0xc0]
    7ff4a4f124ee:inc    edx
    7ff4a4f124f0:movabs rsi,0x7fc2034fe700
    7ff4a4f124fa:mov    edi,DWORD PTR [rsi+0xf8]
    7ff4a4f12500:add    edi,0x2
    7ff4a4f12503:mov    DWORD PTR [rsi+0xf8],edi
    7ff4a4f12509:and    edi,0x3ffe
    7ff4a4f1250f:cmp    edi,0x0
    7ff4a4f12512:je     0x7ff4a4f126f5
    7ff4a4f12518:mov    r10,QWORD PTR [r15+0x348]
    7ff4a4f1251f:test   DWORD PTR [r10],eax
    7ff4a4f12522:movabs rsi,0x7fc2034fe700
    7ff4a4f1252c:inc    DWORD PTR [rsi+0x290]
    7ff4a4f12532:mov    rcx,rax
    7ff4a4f12535:mov    rdi,QWORD PTR [rsp+0xc8]
    7ff4a4f1253d:mov    QWORD PTR [rsp+0xb8],rcx
    7ff4a4f12545:cmp    edx,0x400
    7ff4a4f1254b:movabs r8,0x7fc2034fe700
    7ff4a4f12555:mov    r9,0x238
    7ff4a4f1255c:jl     0x7ff4a4f12569
    7ff4a4f12562:mov    r9,0x228
    7ff4a4f12569:mov    r11,QWORD PTR [r8+r9*1]
    7ff4a4f1256d:lea    r11,[r11+0x1]
    7ff4a4f12571:mov    QWORD PTR [r8+r9*1],r11
    7ff4a4f12575:jl     0x7ff4a4f12458
    7ff4a4f1257b:mov    rcx,QWORD PTR [rsp+0xb8]
    7ff4a4f12583:mov    rsi,QWORD PTR [rsp+0xd0]
    7ff4a4f1258b:jmp    0x7ff4a4f125aa
    7ff4a4f12590:mov    rcx,QWORD PTR [rsp+0x68]
    7ff4a4f12595:mov    rsi,QWORD PTR [rsp+0x50]
    7ff4a4f1259a:movabs rax,0x7fc2034fe700
    7ff4a4f125a4:inc    DWORD PTR [rax+0x210]
    7ff4a4f125aa:mov    QWORD PTR [rsi+0x20],rdi
    7ff4a4f125ae:mov    rax,rcx
    7ff4a4f125b1:add    rsp,0xe0
    7ff4a4f125b8:pop    rbp
    7ff4a4f125b9:cmp    rsp,QWORD PTR [r15+0x340]
    7ff4a4f125c0:ja     0x7ff4a4f1271b
    7ff4a4f125c6:ret
    7ff4a4f125c7:mov    DWORD PTR [rsp-0x14000],eax
    7ff4a4f125ce:push   rbp
    7ff4a4f125cf:sub    rsp,0xe0
    7ff4a4f125d6:mov    rbx,QWORD PTR [rsi+0x40]
    7ff4a4f125da:mov    rax,QWORD PTR [rsi+0x30]
    7ff4a4f125de:mov    rdx,QWORD PTR [rsi+0x20]
    7ff4a4f125e2:mov    rcx,QWORD PTR [rsi+0x10]
    7ff4a4f125e6:mov    r8,QWORD PTR [rsi+0x8]
    7ff4a4f125ea:mov    r9d,DWORD PTR [rsi]
    7ff4a4f125ed:mov    rdi,rsi
    7ff4a4f125f0:mov    QWORD PTR [rsp+0xa0],rbx
    7ff4a4f125f8:mov    QWORD PTR [rsp+0x98],rax
    7ff4a4f12600:mov    QWORD PTR [rsp+0x90],rdx
    7ff4a4f12608:mov    QWORD PTR [rsp+0x88],rcx
    7ff4a4f12610:mov    QWORD PTR [rsp+0x80],r8
    7ff4a4f12618:mov    DWORD PTR [rsp+0x74],r9d
    7ff4a4f1261d:call   0x7ff4c1b21f48
    7ff4a4f12622:mov    r9d,DWORD PTR [rsp+0x74]
    7ff4a4f12627:mov    rdx,r9
    7ff4a4f1262a:mov    r8,QWORD PTR [rsp+0x80]
    7ff4a4f12632:mov    rax,r8
    7ff4a4f12635:mov    rcx,QWORD PTR [rsp+0x88]
    7ff4a4f1263d:mov    rbx,rcx
    7ff4a4f12640:mov    rsi,QWORD PTR [rsp+0x90]
    7ff4a4f12648:mov    rcx,rsi
    7ff4a4f1264b:mov    rsi,QWORD PTR [rsp+0x98]
    7ff4a4f12653:mov    rdi,rsi
    7ff4a4f12656:mov    rsi,QWORD PTR [rsp+0xa0]
    7ff4a4f1265e:mov    QWORD PTR [rsp+0xa8],rax
    7ff4a4f12666:mov    QWORD PTR [rsp+0xb0],rbx
    7ff4a4f1266e:mov    QWORD PTR [rsp+0xb8],rcx
    7ff4a4f12676:mov    QWORD PTR [rsp+0xd0],rsi
    7ff4a4f1267e:jmp    0x7ff4a4f12545
    7ff4a4f12683:movabs r10,0x7fc20347f868
    7ff4a4f1268d:mov    QWORD PTR [rsp+0x8],r10
    7ff4a4f12692:mov    QWORD PTR [rsp],0xffffffffffffffff
    7ff4a4f1269a:call   0x7ff4ac46cb08
    7ff4a4f1269f:jmp    0x7ff4a4f12104
    7ff4a4f126a4:movabs r10,0x7fc20347ffa0
    7ff4a4f126ae:mov    QWORD PTR [rsp+0x8],r10
    7ff4a4f126b3:mov    QWORD PTR [rsp],0xffffffffffffffff
    7ff4a4f126bb:call   0x7ff4ac46cb08
    7ff4a4f126c0:jmp    0x7ff4a4f12141
    7ff4a4f126c5:call   0x7ff4ac3db228
    7ff4a4f126ca:call   0x7ff4ac3db228
    7ff4a4f126cf:movabs r10,0x7fc20347f868
    7ff4a4f126d9:mov    QWORD PTR [rsp+0x8],r10
    7ff4a4f126de:mov    QWORD PTR [rsp],0x42
    7ff4a4f126e6:call   0x7ff4ac46cb08
    7ff4a4f126eb:jmp    0x7ff4a4f123ba
    7ff4a4f126f0:call   0x7ff4ac3db228
    7ff4a4f126f5:movabs r10,0x7fc20347f868
    7ff4a4f126ff:mov    QWORD PTR [rsp+0x8],r10
    7ff4a4f12704:mov    QWORD PTR [rsp],0x71
    7ff4a4f1270c:call   0x7ff4ac46cb08
    7ff4a4f12711:jmp    0x7ff4a4f12518
    7ff4a4f12716:call   0x7ff4ac3db228
    7ff4a4f1271b:movabs r10,0x7fc2714d8331
    7ff4a4f12725:mov    QWORD PTR [r15+0x358],r10
    7ff4a4f1272c:jmp    0x7ff4ac3cab88
    7ff4a4f12731:nop
    7ff4a4f12732:nop
    7ff4a4f12733:mov    rax,QWORD PTR [r15+0x3d0]
    7ff4a4f1273a:mov    QWORD PTR [r15+0x3d0],0x0
    7ff4a4f12745:mov    QWORD PTR [r15+0x3d8],0x0
    7ff4a4f12750:add    rsp,0xe0
    7ff4a4f12757:pop    rbp
    7ff4a4f12758:jmp    0x7ff4ac3dc108
    7ff4a4f1275d:hlt
    7ff4a4f1275e:hlt
    7ff4a4f1275f:hlt
    7ff4a4f12760:hlt
    7ff4a4f12761:hlt
    7ff4a4f12762:hlt
    7ff4a4f12763:hlt
    7ff4a4f12764:hlt
    7ff4a4f12765:hlt
    7ff4a4f12766:hlt
    7ff4a4f12767:hlt
    7ff4a4f12768:nop    DWORD PTR [rax+rax*1+0x0]
    7ff4a4f1276d:movabs rbx,0x0
    7ff4a4f12777:jmp    0x7ff4a4f12777
    7ff4a4f1277c:nop
    7ff4a4f1277d:movabs rbx,0x0
    7ff4a4f12787:jmp    0x7ff4a4f12787
    7ff4a4f1278c:nop
    7ff4a4f1278d:movabs rbx,0x0
    7ff4a4f12797:jmp    0x7ff4a4f12797
    7ff4a4f1279c:nop
    7ff4a4f1279d:movabs rbx,0x0
    7ff4a4f127a7:jmp    0x7ff4a4f127a7
    7ff4a4f127ac:nop
    7ff4a4f127ad:movabs rbx,0x0
    7ff4a4f127b7:jmp    0x7ff4a4f127b7
    7ff4a4f127bc:call   0x7ff4ac3d8d88
    7ff4a4f127c1:movabs rdi,0x7fc28e3bd64a
    7ff4a4f127cb:and    rsp,0xfffffffffffffff0
    7ff4a4f127cf:call   0x7ff4c1943778
    7ff4a4f127d4:hlt
    7ff4a4f127d5:movabs r10,0x7fc2714d854d
    7ff4a4f127df:push   r10
    7ff4a4f127e1:jmp    0x7ff4ac3cc028
    7ff4a4f127e6:hlt
    7ff4a4f127e7:hlt
    7ff4a4f127e8:mov    r10d,DWORD PTR [rsi+0x8]
    7ff4a4f127ec:movabs r11,0x7fc207000000
    7ff4a4f127f6:add    r10,r11
    7ff4a4f127f9:cmp    r10,rax
    7ff4a4f127fc:jne    0x7ff4ac3c2448
    7ff4a4f12802:nop    WORD PTR [rax+rax*1+0x0]
    7ff4a4f12808:mov    DWORD PTR [rsp-0x14000],eax
    7ff4a4f1280f:push   rbp
    7ff4a4f12810:sub    rsp,0xa0
    7ff4a4f12817:mov    QWORD PTR [rsp+0x50],rsi
    7ff4a4f1281c:movabs rdi,0x7fc2034fe700
    7ff4a4f12826:mov    ebx,DWORD PTR [rdi+0xf4]
    7ff4a4f1282c:add    ebx,0x2
    7ff4a4f1282f:mov    DWORD PTR [rdi+0xf4],ebx
    7ff4a4f12835:and    ebx,0x7fe
    7ff4a4f1283b:cmp    ebx,0x0
    7ff4a4f1283e:je     0x7ff4a4f12cd2
    7ff4a4f12844:mov    rdi,rsi
    7ff4a4f12847:movabs rbx,0x7fc2034fe700
    7ff4a4f12851:add    QWORD PTR [rbx+0x138],0x1
    7ff4a4f12859:movabs rdi,0x7fc2034fe9e8
    7ff4a4f12863:mov    ebx,DWORD PTR [rdi+0xf4]
    7ff4a4f12869:add    ebx,0x2
    7ff4a4f1286c:mov    DWORD PTR [rdi+0xf4],ebx
    7ff4a4f12872:and    ebx,0x1ffffe
    7ff4a4f12878:cmp    ebx,0x0
    7ff4a4f1287b:je     0x7ff4a4f12cf3
    7ff4a4f12881:mov    edi,DWORD PTR [rsi+0x54]
    7ff4a4f12884:shl    rdi,0x3
    7ff4a4f12888:cmp    rdi,0x0
    7ff4a4f1288c:movabs rbx,0x7fc2034fe9e8
    7ff4a4f12896:mov    rax,0x138
    7ff4a4f1289d:je     0x7ff4a4f128aa
    7ff4a4f128a3:mov    rax,0x148
    7ff4a4f128aa:mov    rdx,QWORD PTR [rbx+rax*1]
    7ff4a4f128ae:lea    rdx,[rdx+0x1]
    7ff4a4f128b2:mov    QWORD PTR [rbx+rax*1],rdx
    7ff4a4f128b6:je     0x7ff4a4f12964
    7ff4a4f128bc:cmp    rax,QWORD PTR [rdi]
    7ff4a4f128bf:mov    rbx,rdi
    7ff4a4f128c2:movabs rax,0x7fc2034fe9e8
    7ff4a4f128cc:mov    ebx,DWORD PTR [rbx+0x8]
    7ff4a4f128cf:movabs r10,0x7fc207000000
    7ff4a4f128d9:add    rbx,r10
    7ff4a4f128dc:cmp    rbx,QWORD PTR [rax+0x168]
    7ff4a4f128e3:jne    0x7ff4a4f128f2
    7ff4a4f128e5:add    QWORD PTR [rax+0x170],0x1
    7ff4a4f128ed:jmp    0x7ff4a4f12958
    7ff4a4f128f2:cmp    rbx,QWORD PTR [rax+0x178]
    7ff4a4f128f9:jne    0x7ff4a4f12908
    7ff4a4f128fb:add    QWORD PTR [rax+0x180],0x1
    7ff4a4f12903:jmp    0x7ff4a4f12958
    7ff4a4f12908:cmp    QWORD PTR [rax+0x168],0x0
    7ff4a4f12913:jne    0x7ff4a4f1292c
    7ff4a4f12915:mov    QWORD PTR [rax+0x168],rbx
    7ff4a4f1291c:mov    QWORD PTR [rax+0x170],0x1
    7ff4a4f12927:jmp    0x7ff4a4f12958
    7ff4a4f1292c:cmp    QWORD PTR [rax+0x178],0x0
    7ff4a4f12937:jne    0x7ff4a4f12950
    7ff4a4f12939:mov    QWORD PTR [rax+0x178],rbx
    7ff4a4f12940:mov    QWORD PTR [rax+0x180],0x1
    7ff4a4f1294b:jmp    0x7ff4a4f12958
    7ff4a4f12950:add    QWORD PTR [rax+0x158],0x1
    7ff4a4f12958:mov    rsi,rdi
    7ff4a4f1295b:nop    DWORD PTR [rax+0x0]
    7ff4a4f1295f:call   0x7ff4ac3c2948
    7ff4a4f12964:mov    rsi,QWORD PTR [rsp+0x50]
    7ff4a4f12969:mov    rdi,QWORD PTR [rsi+0x20]
    7ff4a4f1296d:mov    rbx,QWORD PTR [rsi+0x10]
    7ff4a4f12971:mov    QWORD PTR [rsp+0x60],rbx
    7ff4a4f12976:movsx  eax,BYTE PTR [rsi+0x38]
    7ff4a4f1297a:cmp    eax,0x0
    7ff4a4f1297d:movabs rax,0x7fc2034fe700
    7ff4a4f12987:mov    rdx,0x170
    7ff4a4f1298e:je     0x7ff4a4f1299b
    7ff4a4f12994:mov    rdx,0x180
    7ff4a4f1299b:mov    rcx,QWORD PTR [rax+rdx*1]
    7ff4a4f1299f:lea    rcx,[rcx+0x1]
    7ff4a4f129a3:mov    QWORD PTR [rax+rdx*1],rcx
    7ff4a4f129a7:je     0x7ff4a4f12b5c
    7ff4a4f129ad:mov    eax,DWORD PTR [rsi+0x48]
    7ff4a4f129b0:shl    rax,0x3
    7ff4a4f129b4:mov    QWORD PTR [rsp+0x58],rax
    7ff4a4f129b9:mov    edx,0x0
    7ff4a4f129be:mov    rcx,0x0
    7ff4a4f129c5:jmp    0x7ff4a4f12b1c
    7ff4a4f129ca:nop    WORD PTR [rax+rax*1+0x0]
    7ff4a4f129d0:mov    DWORD PTR [rsp+0x70],edx
    7ff4a4f129d4:movabs r10,0x9e3779b97f4a7c15
    7ff4a4f129de:add    rdi,r10
    7ff4a4f129e1:movabs r8,0x7fc2034fe700
    7ff4a4f129eb:add    QWORD PTR [r8+0x1b0],0x1
    7ff4a4f129f3:mov    rsi,rdi
    7ff4a4f129f6:mov    QWORD PTR [rsp+0x78],rdi
    7ff4a4f129fb:nop    DWORD PTR [rax+0x0]
    7ff4a4f129ff:call   0x7ff4ac3c3348
    7ff4a4f12a04:mov    rdi,QWORD PTR [rsp+0x58]
    7ff4a4f12a09:cmp    rax,QWORD PTR [rdi]
    7ff4a4f12a0c:mov    rdx,rdi
    7ff4a4f12a0f:movabs rsi,0x7fc2034fe700
    7ff4a4f12a19:mov    edx,DWORD PTR [rdx+0x8]
    7ff4a4f12a1c:movabs r10,0x7fc207000000
    7ff4a4f12a26:add    rdx,r10
    7ff4a4f12a29:cmp    rdx,QWORD PTR [rsi+0x1d0]
    7ff4a4f12a30:jne    0x7ff4a4f12a3f
    7ff4a4f12a32:add    QWORD PTR [rsi+0x1d8],0x1
    7ff4a4f12a3a:jmp    0x7ff4a4f12aa5
    7ff4a4f12a3f:cmp    rdx,QWORD PTR [rsi+0x1e0]
    7ff4a4f12a46:jne    0x7ff4a4f12a55
    7ff4a4f12a48:add    QWORD PTR [rsi+0x1e8],0x1
    7ff4a4f12a50:jmp    0x7ff4a4f12aa5
    7ff4a4f12a55:cmp    QWORD PTR [rsi+0x1d0],0x0
    7ff4a4f12a60:jne    0x7ff4a4f12a79
    7ff4a4f12a62:mov    QWORD PTR [rsi+0x1d0],rdx
    7ff4a4f12a69:mov    QWORD PTR [rsi+0x1d8],0x1
    7ff4a4f12a74:jmp    0x7ff4a4f12aa5
    7ff4a4f12a79:cmp    QWORD PTR [rsi+0x1e0],0x0
    7ff4a4f12a84:jne    0x7ff4a4f12a9d
    7ff4a4f12a86:mov    QWORD PTR [rsi+0x1e0],rdx
    7ff4a4f12a8d:mov    QWORD PTR [rsi+0x1e8],0x1
    7ff4a4f12a98:jmp    0x7ff4a4f12aa5
    7ff4a4f12a9d:add    QWORD PTR [rsi+0x1c0],0x1
    7ff4a4f12aa5:mov    rbx,QWORD PTR [rsp+0x60]
    7ff4a4f12aaa:and    rax,rbx
    7ff4a4f12aad:mov    eax,eax
    7ff4a4f12aaf:mov    rdx,rax
    7ff4a4f12ab2:mov    rsi,rdi
    7ff4a4f12ab5:movabs rax,0xffffffffffffffff
    7ff4a4f12abf:call   0x7ff4ac3c2e48
    7ff4a4f12ac4:mov    rcx,QWORD PTR [rsp+0x68]
    7ff4a4f12ac9:add    rax,rcx
    7ff4a4f12acc:mov    edx,DWORD PTR [rsp+0x70]
    7ff4a4f12ad0:inc    edx
    7ff4a4f12ad2:movabs rsi,0x7fc2034fe700
    7ff4a4f12adc:mov    edi,DWORD PTR [rsi+0xf8]
    7ff4a4f12ae2:add    edi,0x2
    7ff4a4f12ae5:mov    DWORD PTR [rsi+0xf8],edi
    7ff4a4f12aeb:and    edi,0x3ffe
    7ff4a4f12af1:cmp    edi,0x0
    7ff4a4f12af4:je     0x7ff4a4f12d1e
    7ff4a4f12afa:mov    r10,QWORD PTR [r15+0x348]
    7ff4a4f12b01:test   DWORD PTR [r10],eax
    7ff4a4f12b04:movabs rsi,0x7fc2034fe700
    7ff4a4f12b0e:inc    DWORD PTR [rsi+0x1f8]
    7ff4a4f12b14:mov    rcx,rax
    7ff4a4f12b17:mov    rdi,QWORD PTR [rsp+0x78]
    7ff4a4f12b1c:mov    QWORD PTR [rsp+0x68],rcx
    7ff4a4f12b21:cmp    edx,0x400
    7ff4a4f12b27:movabs r8,0x7fc2034fe700
    7ff4a4f12b31:mov    r9,0x190
    7ff4a4f12b38:jge    0x7ff4a4f12b45
    7ff4a4f12b3e:mov    r9,0x1a0
    7ff4a4f12b45:mov    r11,QWORD PTR [r8+r9*1]
    7ff4a4f12b49:lea    r11,[r11+0x1]
    7ff4a4f12b4d:mov    QWORD PTR [r8+r9*1],r11
    7ff4a4f12b51:jge    0x7ff4a4f12c98
    7ff4a4f12b57:jmp    0x7ff4a4f129d0
    7ff4a4f12b5c:mov    ebx,DWORD PTR [rsi+0x44]
    7ff4a4f12b5f:shl    rbx,0x3
    7ff4a4f12b63:mov    QWORD PTR [rsp+0x80],rbx
    7ff4a4f12b6b:mov    eax,0x0
    7ff4a4f12b70:mov    rdx,0x0
    7ff4a4f12b77:jmp    0x7ff4a4f12c4d
    7ff4a4f12b7c:nop    DWORD PTR [rax+0x0]
    7ff4a4f12b80:mov    DWORD PTR [rsp+0x74],eax
    7ff4a4f12b84:movabs r10,0x9e3779b97f4a7c15
    7ff4a4f12b8e:add    rdi,r10
    7ff4a4f12b91:movabs r8,0x7fc2034fe700
    7ff4a4f12b9b:add    QWORD PTR [r8+0x248],0x1
    7ff4a4f12ba3:mov    rsi,rdi
    7ff4a4f12ba6:mov    QWORD PTR [rsp+0x90],rdi
    7ff4a4f12bae:nop
    7ff4a4f12baf:call   0x7ff4ac94b648
    7ff4a4f12bb4:mov    rbx,QWORD PTR [rsp+0x80]
    7ff4a4f12bbc:cmp    rax,QWORD PTR [rbx]
    7ff4a4f12bbf:mov    rdx,rbx
    7ff4a4f12bc2:movabs rsi,0x7fc2034fe700
    7ff4a4f12bcc:add    QWORD PTR [rsi+0x258],0x1
    7ff4a4f12bd4:mov    rdi,QWORD PTR [rsp+0x60]
    7ff4a4f12bd9:and    rax,rdi
    7ff4a4f12bdc:mov    rdx,rax
    7ff4a4f12bdf:mov    rsi,rbx
    7ff4a4f12be2:nop    DWORD PTR [rax+rax*1+0x0]
    7ff4a4f12be7:call   0x7ff4ac94bd08
    7ff4a4f12bec:mov    rdx,QWORD PTR [rsp+0x88]
    7ff4a4f12bf4:add    rax,rdx
    7ff4a4f12bf7:mov    esi,DWORD PTR [rsp+0x74]
    7ff4a4f12bfb:inc    esi
    7ff4a4f12bfd:movabs rdi,0x7fc2034fe700
    7ff4a4f12c07:mov    ebx,DWORD PTR [rdi+0xf8]
    7ff4a4f12c0d:add    ebx,0x2
    7ff4a4f12c10:mov    DWORD PTR [rdi+0xf8],ebx
    7ff4a4f12c16:and    ebx,0x3ffe
    7ff4a4f12c1c:cmp    ebx,0x0
    7ff4a4f12c1f:je     0x7ff4a4f12d44
    7ff4a4f12c25:mov    r10,QWORD PTR [r15+0x348]
    7ff4a4f12c2c:test   DWORD PTR [r10],eax
    7ff4a4f12c2f:movabs rdi,0x7fc2034fe700
    7ff4a4f12c39:inc    DWORD PTR [rdi+0x290]
    7ff4a4f12c3f:mov    rdx,rax
    7ff4a4f12c42:mov    rdi,QWORD PTR [rsp+0x90]
    7ff4a4f12c4a:mov    rax,rsi
    7ff4a4f12c4d:mov    QWORD PTR [rsp+0x88],rdx
    7ff4a4f12c55:cmp    eax,0x400
    7ff4a4f12c5b:movabs r8,0x7fc2034fe700
    7ff4a4f12c65:mov    r9,0x238
    7ff4a4f12c6c:jl     0x7ff4a4f12c79
    7ff4a4f12c72:mov    r9,0x228
    7ff4a4f12c79:mov    r11,QWORD PTR [r8+r9*1]
    7ff4a4f12c7d:lea    r11,[r11+0x1]
    7ff4a4f12c81:mov    QWORD PTR [r8+r9*1],r11
    7ff4a4f12c85:jl     0x7ff4a4f12b80
    7ff4a4f12c8b:mov    rdx,QWORD PTR [rsp+0x88]
    7ff4a4f12c93:jmp    0x7ff4a4f12cb0
    7ff4a4f12c98:mov    rcx,QWORD PTR [rsp+0x68]
    7ff4a4f12c9d:movabs rax,0x7fc2034fe700
    7ff4a4f12ca7:inc    DWORD PTR [rax+0x210]
    7ff4a4f12cad:mov    rdx,rcx
    7ff4a4f12cb0:mov    rsi,QWORD PTR [rsp+0x50]
    7ff4a4f12cb5:mov    QWORD PTR [rsi+0x20],rdi
    7ff4a4f12cb9:mov    rax,rdx
    7ff4a4f12cbc:add    rsp,0xa0
    7ff4a4f12cc3:pop    rbp
    7ff4a4f12cc4:cmp    rsp,QWORD PTR [r15+0x340]
    7ff4a4f12ccb:ja     0x7ff4a4f12d65
    7ff4a4f12cd1:ret
    7ff4a4f12cd2:movabs r10,0x7fc20347f868
    7ff4a4f12cdc:mov    QWORD PTR [rsp+0x8],r10
    7ff4a4f12ce1:mov    QWORD PTR [rsp],0xffffffffffffffff
    7ff4a4f12ce9:call   0x7ff4ac46bb48
    7ff4a4f12cee:jmp    0x7ff4a4f12844
    7ff4a4f12cf3:movabs r10,0x7fc20347ffa0
    7ff4a4f12cfd:mov    QWORD PTR [rsp+0x8],r10
    7ff4a4f12d02:mov    QWORD PTR [rsp],0xffffffffffffffff
    7ff4a4f12d0a:call   0x7ff4ac46bb48
    7ff4a4f12d0f:jmp    0x7ff4a4f12881
    7ff4a4f12d14:call   0x7ff4ac3da268
    7ff4a4f12d19:call   0x7ff4ac3da268
    7ff4a4f12d1e:movabs r10,0x7fc20347f868
    7ff4a4f12d28:mov    QWORD PTR [rsp+0x8],r10
    7ff4a4f12d2d:mov    QWORD PTR [rsp],0x42
    7ff4a4f12d35:call   0x7ff4ac46bb48
    7ff4a4f12d3a:jmp    0x7ff4a4f12afa
    7ff4a4f12d3f:call   0x7ff4ac3da268
    7ff4a4f12d44:movabs r10,0x7fc20347f868
    7ff4a4f12d4e:mov    QWORD PTR [rsp+0x8],r10
    7ff4a4f12d53:mov    QWORD PTR [rsp],0x71
    7ff4a4f12d5b:call   0x7ff4ac46bb48
    7ff4a4f12d60:jmp    0x7ff4a4f12c25
    7ff4a4f12d65:movabs r10,0x7fc2714d99fc
    7ff4a4f12d6f:mov    QWORD PTR [r15+0x358],r10
    7ff4a4f12d76:jmp    0x7ff4ac3c9bc8
    7ff4a4f12d7b:nop
    7ff4a4f12d7c:nop
    7ff4a4f12d7d:mov    rax,QWORD PTR [r15+0x3d0]
    7ff4a4f12d84:mov    QWORD PTR [r15+0x3d0],0x0
    7ff4a4f12d8f:mov    QWORD PTR [r15+0x3d8],0x0
    7ff4a4f12d9a:add    rsp,0xa0
    7ff4a4f12da1:pop    rbp
    7ff4a4f12da2:jmp    0x7ff4ac3db148
    7ff4a4f12da7:hlt
    7ff4a4f12da8:nop    DWORD PTR [rax+rax*1+0x0]
    7ff4a4f12dad:movabs rbx,0x0
    7ff4a4f12db7:jmp    0x7ff4a4f12db7
    7ff4a4f12dbc:nop
    7ff4a4f12dbd:movabs rbx,0x0
    7ff4a4f12dc7:jmp    0x7ff4a4f12dc7
    7ff4a4f12dcc:nop
    7ff4a4f12dcd:movabs rbx,0x0
    7ff4a4f12dd7:jmp    0x7ff4a4f12dd7
    7ff4a4f12ddc:nop
    7ff4a4f12ddd:movabs rbx,0x0
    7ff4a4f12de7:jmp    0x7ff4a4f12de7
    7ff4a4f12dec:nop
    7ff4a4f12ded:movabs rbx,0x0
    7ff4a4f12df7:jmp    0x7ff4a4f12df7
    7ff4a4f12dfc:call   0x7ff4ac3d7dc8
    7ff4a4f12e01:movabs rdi,0x7fc28e3bd64a
    7ff4a4f12e0b:and    rsp,0xfffffffffffffff0
    7ff4a4f12e0f:call   0x7ff4c19427b8
    7ff4a4f12e14:hlt
    7ff4a4f12e15:movabs r10,0x7fc2714d9b4d
    7ff4a4f12e1f:push   r10
    7ff4a4f12e21:jmp    0x7ff4ac3cb068
    7ff4a4f12e26:hlt
    7ff4a4f12e27:hlt
